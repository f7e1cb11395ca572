package com.dravo.webhooks.local;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * A key for secrets at rest in dev mode and tests, made once per JVM and kept in a system
 * property, so that what was sealed before a dev-mode reload still opens after it.
 */
final class LocalEncryptionKey {

    private static final String GENERATED = "dravo.local.encryption-key";

    private LocalEncryptionKey() {
    }

    static synchronized Map<String, String> properties() {
        String key = System.getProperty(GENERATED);
        if (key == null) {
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            key = Base64.getEncoder().encodeToString(raw);
            System.setProperty(GENERATED, key);
            Logger.getLogger(LocalEncryptionKey.class).warn("dravo.secrets.encryption-key is "
                    + "not set: using a key made for this run; secrets stored now cannot be "
                    + "read by another run");
        }
        return Map.of("dravo.secrets.encryption-key", key);
    }
}
