package com.dravo.webhooks.delivery;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Counts deliveries by outcome and times their attempts. Called from the delivery log's record
 * step only, so both flows are measured in one place. Tags are bounded: the event type (one
 * of four) and the outcome; never an owner, endpoint or URL.
 */
@ApplicationScoped
public class DeliveryMetrics {

    static final String ATTEMPT = "dravo.delivery.attempt";
    static final String DELIVERIES = "dravo.deliveries";

    /** Fixed buckets around the timeouts (5 s connect, 15 s in all) keep the series few. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(15), Duration.ofSeconds(30) };

    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One attempt was made; when it settled the delivery, the delivery is counted too. */
    void attempted(String eventType, AttemptOutcome outcome, DeliveryStatus status) {
        String result = outcome.succeeded() ? "succeeded" : "failed";

        Timer.builder(ATTEMPT)
                .description("Time of one delivery attempt, from address check to answer")
                .tag("event_type", eventType)
                .tag("outcome", result)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofMillis(outcome.durationMs()));

        if (status == DeliveryStatus.SUCCEEDED || status == DeliveryStatus.FAILED) {
            Counter.builder(DELIVERIES)
                    .description("Deliveries that reached a final state")
                    .tag("event_type", eventType)
                    .tag("outcome", status.wireName())
                    .register(registry)
                    .increment();
        }
    }
}
