package com.dravo.webhooks.delivery;

import java.time.OffsetDateTime;

/** The window of failed deliveries to send again: from {@code since}, up to {@code until}. */
public record RecoveryIn(OffsetDateTime since, OffsetDateTime until) {
}
