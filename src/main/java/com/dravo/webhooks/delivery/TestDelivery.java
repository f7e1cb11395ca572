package com.dravo.webhooks.delivery;

/**
 * The answer of the test route: how the single attempt went.
 *
 * @param error plain words for a failure (always present in the JSON, null on success)
 */
public record TestDelivery(String id, String eventType, Integer statusCode, int attempts,
        String eventId, boolean succeeded, long durationMs, String error) {
}
