package com.dravo.webhooks.event;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of event Dravo publishes, by the names that appear on the wire. */
public enum EventType {
    POST_PUBLISHED("post.published"),
    POST_FAILED("post.failed"),
    POST_QUEUED("post.queued"),
    CONNECTION_REVOKED("connection.revoked");

    /** The wire names, comma-separated, for error messages. */
    public static final String ALLOWED = Arrays.stream(values())
            .map(EventType::wireName)
            .collect(Collectors.joining(", "));

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
