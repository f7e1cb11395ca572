package com.dravo.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** Opaque, unguessable ids: a type prefix and 128 random bits, URL-safe. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {
    }

    public static final String ENDPOINT = "wh_";

    public static String endpoint() {
        return next(ENDPOINT);
    }

    public static String event() {
        return next("evt_");
    }

    public static final String DELIVERY = "del_";

    public static String delivery() {
        return next(DELIVERY);
    }

    /**
     * Whether a client-given id could be one of ours. Anything else is unknown without a
     * query, which also keeps bytes PostgreSQL refuses (such as NUL) away from it.
     */
    public static boolean isWellFormed(String id, String prefix) {
        return id != null && id.startsWith(prefix) && id.length() <= prefix.length() + 64
                && id.length() > prefix.length()
                && id.chars().skip(prefix.length()).allMatch(Ids::isUrlSafe);
    }

    private static boolean isUrlSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_';
    }

    private static String next(String prefix) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return prefix + ENCODER.encodeToString(bytes);
    }
}
