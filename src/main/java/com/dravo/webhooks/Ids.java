package com.dravo.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque, unguessable ids: a type prefix and 128 random bits, URL-safe. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    public static String endpoint() {
        return next("wh_");
    }

    public static String event() {
        return next("evt_");
    }

    public static String delivery() {
        return next("del_");
    }

    private static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + ENCODER.encodeToString(bytes);
    }
}
