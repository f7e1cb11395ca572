package com.dravo.webhooks.delivery;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a delivery stands. Stored upper case, shown lower case. */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
