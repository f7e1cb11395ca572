package com.dravo.webhooks.signing;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets: {@code whsec_} and the standard base64 of 32 random bytes. */
public final class SigningSecret {

    static final String PREFIX = "whsec_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The HMAC key of the Standard Webhooks scheme: the decoded part after the prefix. */
    static byte[] standardWebhooksKey(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
