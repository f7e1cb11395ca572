package com.dravo.webhooks.endpoint;

import java.util.List;

/** The body of a registration: where to send, and which event types. */
public record EndpointIn(String url, List<String> events) {
}
