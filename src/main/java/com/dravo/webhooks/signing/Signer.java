package com.dravo.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a delivery body for both schemes at once. A pure function of its arguments: no clock,
 * no I/O, so fixed vectors test it and a retry can sign the same bytes again.
 */
public final class Signer {

    private static final String HMAC = "HmacSHA256";

    private Signer() {
    }

    /**
     * @param secrets every secret that currently signs, newest first (two during a rotation)
     * @param messageId the event id, which is also {@code webhook-id}
     * @param timestamp Unix seconds of this attempt
     * @param body the exact bytes that are sent
     */
    public static Signatures sign(List<String> secrets, String messageId, long timestamp,
            byte[] body) {
        byte[] dravoPrefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] standardPrefix = (messageId + "." + timestamp + ".")
                .getBytes(StandardCharsets.UTF_8);

        StringJoiner dravo = new StringJoiner(",").add("t=" + timestamp);
        StringJoiner standard = new StringJoiner(" ");
        for (String secret : secrets) {
            byte[] dravoKey = secret.getBytes(StandardCharsets.UTF_8);
            byte[] standardKey = SigningSecret.standardWebhooksKey(secret);
            dravo.add("v1=" + HexFormat.of().formatHex(hmac(dravoKey, dravoPrefix, body)));
            standard.add("v1," + Base64.getEncoder()
                    .encodeToString(hmac(standardKey, standardPrefix, body)));
        }
        return new Signatures(dravo.toString(), standard.toString());
    }

    private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
