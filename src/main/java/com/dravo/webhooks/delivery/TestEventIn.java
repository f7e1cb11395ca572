package com.dravo.webhooks.delivery;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The optional body of the test route: which of the endpoint's event types to sample. */
@RegisterForReflection
public record TestEventIn(String eventType) {
}
