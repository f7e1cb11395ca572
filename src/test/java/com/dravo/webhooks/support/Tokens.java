package com.dravo.webhooks.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.ConfigProvider;

import com.dravo.webhooks.local.LocalTokenKeys;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Dashboard tokens for tests, good and bad, built the way a client or an attacker would. */
public final class Tokens {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** A valid dashboard token for the owner, signed with the test key pair. */
    public static String dashboard(String owner) {
        return claims(owner).sign();
    }

    /** A token of another Dravo service, allowed to publish events. */
    public static String publisher(String service) {
        return claims(service).groups("events:publish").sign();
    }

    public static String expired(String owner) {
        return claims(owner).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String notYetValid(String owner) {
        return Jwt.claims().subject(owner).claim("nbf", Instant.now().plusSeconds(3600)
                .getEpochSecond()).expiresAt(Instant.now().plusSeconds(7200)).sign();
    }

    public static String wrongIssuer(String owner) {
        return claims(owner).issuer("https://evil.example").sign();
    }

    public static String wrongAudience(String owner) {
        return claims(owner).audience("someone-else").sign();
    }

    public static String signedWithOtherKey(String owner) {
        return claims(owner).sign(LocalTokenKeys.rsaKeyPair().getPrivate());
    }

    /** The classic confusion attack: HS256 keyed with the server's public key. */
    public static String hs256WithPublicKey(String owner) {
        String publicKeyPem = ConfigProvider.getConfig()
                .getValue("mp.jwt.verify.publickey", String.class);
        SecretKeySpec key = new SecretKeySpec(publicKeyPem.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256");
        return claims(owner).jws().algorithm(SignatureAlgorithm.HS256).sign(key);
    }

    /** A token that claims no signature at all. */
    public static String algNone(String owner) {
        return unsigned("{\"alg\":\"none\",\"typ\":\"JWT\"}", payload(owner, true));
    }

    /** A correctly signed token that has no {@code exp} claim. */
    public static String withoutExpiry(String owner) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        return RsaSigner.sign(header, payload(owner, false));
    }

    /** A correctly signed token whose header names a critical extension nobody knows. */
    public static String unknownCritical(String owner) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"crit\":[\"x-dravo\"],"
                + "\"x-dravo\":1}";
        return RsaSigner.sign(header, payload(owner, true));
    }

    private static JwtClaimsBuilder claims(String owner) {
        return Jwt.claims().subject(owner);
    }

    private static String payload(String owner, boolean withExpiry) {
        long now = Instant.now().getEpochSecond();
        String issuer = ConfigProvider.getConfig()
                .getValue("mp.jwt.verify.issuer", String.class);
        return "{\"sub\":\"" + owner + "\",\"iss\":\"" + issuer + "\","
                + "\"aud\":\"dravo-dashboard\",\"iat\":" + now
                + (withExpiry ? ",\"exp\":" + (now + 600) : "") + "}";
    }

    private static String unsigned(String header, String payload) {
        return encode(header) + "." + encode(payload) + ".";
    }

    static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
