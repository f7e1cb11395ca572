package com.dravo.webhooks.delivery;

import java.util.Map;

/**
 * What one attempt came to.
 *
 * @param statusCode the receiver's HTTP status, or null when none was received
 * @param error a plain-words reason for a failure, or null on success
 */
public record AttemptOutcome(Integer statusCode, String error, long durationMs,
        Map<String, String> responseHeaders, String responseBody) {

    public static AttemptOutcome failed(String error, long durationMs) {
        return new AttemptOutcome(null, error, durationMs, Map.of(), null);
    }

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}
