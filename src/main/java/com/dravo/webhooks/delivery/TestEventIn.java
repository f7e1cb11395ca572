package com.dravo.webhooks.delivery;

/** The optional body of the test route: which of the endpoint's event types to sample. */
public record TestEventIn(String eventType) {
}
