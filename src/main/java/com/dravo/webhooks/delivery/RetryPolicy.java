package com.dravo.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * When a failed delivery is tried again: the configured schedule with ±20% jitter, so that
 * many deliveries failing together do not come back together; a receiver's Retry-After (on
 * 429 and 503) is honoured up to a day; 410 Gone ends it at once.
 */
@ApplicationScoped
public class RetryPolicy {

    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final double JITTER = 0.2;

    /**
     * @param nextAttemptAt when to try again, or null when this attempt was the last
     * @param disableReason why the endpoint must be turned off now, or null
     */
    public record Decision(Instant nextAttemptAt, String disableReason) {
    }

    private final List<Duration> schedule;

    RetryPolicy(DeliveryConfig config) {
        this.schedule = List.copyOf(config.retrySchedule());
    }

    public Decision decide(int step, AttemptOutcome outcome, Instant attemptedAt) {
        if (outcome.succeeded()) {
            return new Decision(null, null);
        }
        if (Integer.valueOf(410).equals(outcome.statusCode())) {
            return new Decision(null, "the receiver answered 410 Gone");
        }
        if (step >= schedule.size()) {
            return new Decision(null, null);
        }

        Duration wait = jittered(schedule.get(step));
        Duration asked = retryAfter(outcome, attemptedAt);
        if (asked != null && asked.compareTo(wait) > 0) {
            wait = asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
        }
        return new Decision(attemptedAt.plus(wait), null);
    }

    private static Duration jittered(Duration wait) {
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-JITTER, JITTER);
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }

    /** Retry-After of a 429 or 503, in seconds or as an HTTP date; null when absent. */
    private static Duration retryAfter(AttemptOutcome outcome, Instant attemptedAt) {
        Integer status = outcome.statusCode();
        String value = outcome.responseHeaders().get("retry-after");
        if (value == null || status == null || (status != 429 && status != 503)) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return untilDate(value, attemptedAt);
        }
    }

    private static Duration untilDate(String value, Instant attemptedAt) {
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return at.isAfter(attemptedAt) ? Duration.between(attemptedAt, at) : Duration.ZERO;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
