package com.dravo.webhooks.delivery;

import java.time.Instant;
import java.util.List;

import com.dravo.webhooks.endpoint.Endpoint;
import com.dravo.webhooks.event.Event;
import com.dravo.webhooks.signing.SealedSecret;

/**
 * Everything one attempt needs, read from the database before any connection is opened, so
 * no transaction is held while a receiver answers.
 *
 * @param secrets the sealed secrets that sign, newest first
 */
public record DeliveryJob(String deliveryId, String endpointId, String url, String eventId,
        String eventType, String body, List<SealedSecret> secrets) {

    /** The job of the delivery's next attempt, signed with the secrets valid now. */
    static DeliveryJob of(Delivery delivery, Endpoint endpoint, Event event) {
        return new DeliveryJob(delivery.id, endpoint.id, endpoint.url, event.id, event.type,
                event.body, endpoint.signingSecrets(Instant.now()));
    }
}
