package com.dravo.webhooks.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

/**
 * Seals signing secrets with AES-256-GCM under the configured key. The endpoint id is bound in
 * as associated data, so a sealed secret copied onto another row does not open there.
 */
@Startup
@ApplicationScoped
public class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    SecretCipher(SecretsConfig config) {
        currentKeyId = add(config.encryptionKey());
        config.previousEncryptionKeys().orElse(List.of()).forEach(this::add);
    }

    public SealedSecret seal(String secret, String endpointId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);

        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, endpointId,
                secret.getBytes(StandardCharsets.UTF_8));

        byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
        return new SealedSecret(currentKeyId, sealed);
    }

    public String open(SealedSecret secret, String endpointId) {
        SecretKey key = keys.get(secret.keyId());
        if (key == null) {
            throw new IllegalStateException("signing secret of endpoint " + endpointId
                    + " was sealed with key " + secret.keyId() + ", which is not configured");
        }

        byte[] nonce = Arrays.copyOf(secret.sealed(), NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(secret.sealed(), NONCE_BYTES,
                secret.sealed().length);
        byte[] plain = run(Cipher.DECRYPT_MODE, key, nonce, endpointId, ciphertext);
        return new String(plain, StandardCharsets.UTF_8);
    }

    private String add(String base64Key) {
        byte[] raw = decodeKey(base64Key);
        String id = keyId(raw);
        keys.put(id, new SecretKeySpec(raw, "AES"));
        return id;
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String endpointId,
            byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing secret of endpoint " + endpointId
                    + " could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + " (wrong key or damaged value)", e);
        }
    }

    private static byte[] decodeKey(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("dravo.secrets.encryption-key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(
                    "dravo.secrets.encryption-key must be base64 of exactly 32 bytes");
        }
        return raw;
    }

    /** A short, stable name for a key that reveals nothing useful about it. */
    private static String keyId(byte[] raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
