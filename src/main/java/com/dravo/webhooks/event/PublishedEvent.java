package com.dravo.webhooks.event;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The answer to a publish: the stored event, and how many deliveries it fanned out to. */
@RegisterForReflection
public record PublishedEvent(String id, String type, String owner, Instant createdAt,
        int deliveries) {
}
