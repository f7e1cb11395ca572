package com.dravo.webhooks.endpoint;

import java.util.List;

/** The body of a change: any of {@code url}, {@code events}, {@code active}; absent stays. */
public record EndpointPatch(String url, List<String> events, Boolean active) {

    boolean isEmpty() {
        return url == null && events == null && active == null;
    }
}
