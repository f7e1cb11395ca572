package com.dravo.webhooks.replicas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

import com.dravo.webhooks.local.LocalTokenKeys;
import com.dravo.webhooks.support.PackagedJarEnvironment;

/**
 * An RSA key pair made for one run, and RS256 tokens signed by hand with it: the replicas are
 * plain processes, so nothing of Quarkus' test support can sign for them.
 */
public final class HandSignedTokens {

    public static final String ISSUER = PackagedJarEnvironment.ISSUER;

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    private final KeyPair keys;
    private final Path publicKeyPem;

    private HandSignedTokens(KeyPair keys, Path publicKeyPem) {
        this.keys = keys;
        this.publicKeyPem = publicKeyPem;
    }

    /** Makes the key pair and writes its public half where the replicas read it. */
    public static HandSignedTokens create() throws GeneralSecurityException, IOException {
        KeyPair keys = LocalTokenKeys.rsaKeyPair();

        Path pem = Files.createTempFile("dravo-replicas-", ".pem");
        pem.toFile().deleteOnExit();
        Files.writeString(pem, LocalTokenKeys.pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        return new HandSignedTokens(keys, pem);
    }

    public Path publicKeyPem() {
        return publicKeyPem;
    }

    /** A dashboard token of the owner, valid for an hour. */
    public String dashboard(String owner) {
        return sign(claims(owner, ""));
    }

    /** A token of another Dravo service, allowed to publish events. */
    public String publisher(String service) {
        return sign(claims(service, ",\"groups\":[\"events:publish\"]"));
    }

    private static String claims(String subject, String extra) {
        long now = Instant.now().getEpochSecond();
        return "{\"sub\":\"" + subject + "\",\"iss\":\"" + ISSUER + "\","
                + "\"aud\":\"dravo-dashboard\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + extra + "}";
    }

    private String sign(String payload) {
        String input = encode(HEADER) + "." + encode(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
