package com.dravo.webhooks.delivery;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One delivery with every attempt of it, oldest first, as the receiver answered each. */
public record DeliveryDetail(String id, String eventId, String eventType, DeliveryStatus status,
        Integer statusCode, Instant nextAttemptAt, Instant createdAt,
        List<AttemptOut> attempts) {

    static DeliveryDetail of(Delivery delivery, List<Attempt> attempts) {
        return new DeliveryDetail(delivery.id, delivery.eventId, delivery.eventType,
                delivery.status, delivery.lastStatusCode, delivery.nextAttemptAt,
                delivery.createdAt, attempts.stream().map(AttemptOut::of).toList());
    }

    /**
     * One attempt.
     *
     * @param responseHeaders a JSON object, as stored by the delivery log
     * @param responseBody the first 4 KiB of the answer, as text
     */
    public record AttemptOut(Instant attemptedAt, int durationMs, Integer statusCode,
            String error, @JsonRawValue String responseHeaders, String responseBody) {

        static AttemptOut of(Attempt attempt) {
            String headers = attempt.responseHeaders == null ? "{}" : attempt.responseHeaders;
            return new AttemptOut(attempt.attemptedAt, attempt.durationMs, attempt.statusCode,
                    attempt.error, headers, attempt.responseBody);
        }
    }
}
