package com.dravo.webhooks.delivery;

import java.util.List;

import com.dravo.webhooks.signing.SealedSecret;

/**
 * Everything one attempt needs, read from the database before any connection is opened, so
 * no transaction is held while a receiver answers.
 *
 * @param secrets the sealed secrets that sign, newest first
 */
public record DeliveryJob(String deliveryId, String endpointId, String url, String eventId,
        String eventType, String body, List<SealedSecret> secrets, int attemptsSoFar) {
}
