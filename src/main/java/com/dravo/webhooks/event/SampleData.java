package com.dravo.webhooks.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code data} of a test event: shaped like what Dravo publishes for that type, so a
 * receiver can exercise its real parsing code, with ids that are plainly samples.
 */
public final class SampleData {

    private SampleData() {
    }

    public static Map<String, Object> of(EventType type, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> data = new LinkedHashMap<>();
        switch (type) {
            case POST_PUBLISHED -> {
                post(data, "published");
                data.put("published_at", at.toString());
                data.put("permalink", "https://social.example/dravo_sample/status/1234567890");
            }
            case POST_FAILED -> {
                post(data, "failed");
                data.put("failed_at", at.toString());
                data.put("error", Map.of("code", "media_rejected",
                        "message", "The network rejected the attached image (too large)."));
            }
            case POST_QUEUED -> {
                post(data, "queued");
                data.put("scheduled_for", at.plus(1, ChronoUnit.HOURS).toString());
            }
            case CONNECTION_REVOKED -> {
                data.put("connection_id", "conn_sample_7Hq2");
                data.put("network", "mastodon");
                data.put("account_handle", "@dravo_sample@social.example");
                data.put("revoked_at", at.toString());
                data.put("reason", "token_revoked_by_user");
            }
            default -> throw new IllegalArgumentException("no sample for " + type);
        }
        return data;
    }

    private static void post(Map<String, Object> data, String status) {
        data.put("post_id", "post_sample_4f9a");
        data.put("status", status);
        data.put("network", "mastodon");
        data.put("connection_id", "conn_sample_7Hq2");
        data.put("text", "Our spring collection is live \u2014 take a look! \uD83C\uDF38");
    }
}
