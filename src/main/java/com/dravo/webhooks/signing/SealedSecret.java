package com.dravo.webhooks.signing;

/**
 * A signing secret as stored: AES-256-GCM output (12-byte nonce, ciphertext, tag) and the id
 * of the key that sealed it, so keys can be rotated without rewriting every row at once.
 */
public record SealedSecret(String keyId, byte[] sealed) {
}
