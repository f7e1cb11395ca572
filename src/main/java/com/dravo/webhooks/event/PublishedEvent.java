package com.dravo.webhooks.event;

import java.time.Instant;

/** The answer to a publish: the stored event, and how many deliveries it fanned out to. */
public record PublishedEvent(String id, String type, String owner, Instant createdAt,
        int deliveries) {
}
