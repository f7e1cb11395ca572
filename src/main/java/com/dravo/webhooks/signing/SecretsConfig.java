package com.dravo.webhooks.signing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Keys that protect signing secrets at rest, and how long a rotated-out secret still signs. */
@ConfigMapping(prefix = "dravo.secrets")
public interface SecretsConfig {

    /**
     * Base64 of 32 random bytes. Required, so a production start without it stops while
     * reading its settings, before the migrations touch the database; dev mode and tests
     * are given one made for the run (see {@code local}).
     */
    String encryptionKey();

    /** Keys used before the current one, still accepted to read older rows. */
    Optional<List<String>> previousEncryptionKeys();

    /** How long the old secret keeps signing beside the new one after a rotation. */
    @WithDefault("24h")
    Duration rotationOverlap();
}
