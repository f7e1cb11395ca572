package com.dravo.webhooks.delivery;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A delivery as the log lists it.
 *
 * @param statusCode the receiver's status at the latest attempt, or null
 * @param nextAttemptAt when it is next tried; null once it is final
 */
@RegisterForReflection
public record DeliveryOut(String id, String eventId, String eventType, DeliveryStatus status,
        Integer statusCode, int attempts, Instant nextAttemptAt, Instant createdAt) {

    static DeliveryOut of(Delivery delivery) {
        return new DeliveryOut(delivery.id, delivery.eventId, delivery.eventType,
                delivery.status, delivery.lastStatusCode, delivery.attempts,
                delivery.nextAttemptAt, delivery.createdAt);
    }
}
