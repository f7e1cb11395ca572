package com.dravo.webhooks.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.dravo.webhooks.web.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a delivery stands. Stored upper case, shown lower case. */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The {@code status} filter of a list: a wire name, or null when none is given. */
    static DeliveryStatus filterOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(values())
                .filter(status -> status.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("invalid_status", "status",
                        "status must be one of: " + Arrays.stream(values())
                                .map(DeliveryStatus::wireName)
                                .collect(Collectors.joining(", "))));
    }
}
