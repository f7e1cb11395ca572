package com.dravo.webhooks.event;

import java.util.Map;

/** An event another Dravo service publishes: its type, whose it is, and its data. */
public record EventIn(String type, String owner, Map<String, Object> data) {
}
