package com.dravo.webhooks.local;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * An RSA key pair for dashboard tokens in dev mode and tests, made once per JVM: tests and
 * the dev token route sign with the private half, the service verifies with the public half.
 * Tests that run the packaged jar make their own pairs the same way.
 */
public final class LocalTokenKeys {

    private static final String PUBLIC = "dravo.local.jwt.public-key";
    private static final String PRIVATE = "dravo.local.jwt.private-key";

    private LocalTokenKeys() {
    }

    static synchronized Map<String, String> properties() {
        if (System.getProperty(PUBLIC) == null) {
            KeyPair pair = rsaKeyPair();
            System.setProperty(PUBLIC, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            System.setProperty(PRIVATE, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        }
        return Map.of(
                "mp.jwt.verify.publickey", System.getProperty(PUBLIC),
                "smallrye.jwt.sign.key", System.getProperty(PRIVATE));
    }

    public static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** A key in PEM form, as a file or a property holds it. */
    public static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
