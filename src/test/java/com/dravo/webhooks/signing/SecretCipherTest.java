package com.dravo.webhooks.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString(filled(7));

    @Test
    void opensWhatItSealedForTheSameEndpoint() {
        SecretCipher cipher = cipher(KEY_A);
        String secret = SigningSecret.generate();

        SealedSecret sealed = cipher.seal(secret, "wh_1");

        assertThat(cipher.open(sealed, "wh_1")).isEqualTo(secret);
        assertThat(new String(sealed.sealed(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret.substring(6));
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        SecretCipher cipher = cipher(KEY_A);

        SealedSecret first = cipher.seal("whsec_same", "wh_1");
        SealedSecret second = cipher.seal("whsec_same", "wh_1");

        assertThat(first.sealed()).isNotEqualTo(second.sealed());
    }

    @Test
    void refusesToOpenWithAnotherKeyWhoseIdIsForgedToMatch() {
        SealedSecret sealed = cipher(KEY_A).seal(SigningSecret.generate(), "wh_1");
        SecretCipher other = cipher(KEY_B);
        SealedSecret relabelled = new SealedSecret(other.seal("x", "wh_1").keyId(),
                sealed.sealed());

        assertThatThrownBy(() -> other.open(relabelled, "wh_1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong key or damaged value");
    }

    @Test
    void namesTheMissingKeyWhenARowWasSealedUnderAnUnknownOne() {
        SealedSecret sealed = cipher(KEY_A).seal(SigningSecret.generate(), "wh_1");

        assertThatThrownBy(() -> cipher(KEY_B).open(sealed, "wh_1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sealed with key " + sealed.keyId())
                .hasMessageContaining("not configured");
    }

    @Test
    void aSealedSecretCopiedToAnotherEndpointDoesNotOpen() {
        SecretCipher cipher = cipher(KEY_A);
        SealedSecret sealed = cipher.seal(SigningSecret.generate(), "wh_1");

        assertThatThrownBy(() -> cipher.open(sealed, "wh_2"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void previousKeysStillOpenOlderRowsAfterTheKeyIsRotated() {
        String secret = SigningSecret.generate();
        SealedSecret sealed = cipher(KEY_A).seal(secret, "wh_1");

        SecretCipher rotated = new SecretCipher(config(KEY_B, List.of(KEY_A)));

        assertThat(rotated.open(sealed, "wh_1")).isEqualTo(secret);
        assertThat(rotated.seal(secret, "wh_1").keyId()).isNotEqualTo(sealed.keyId());
    }

    @Test
    void refusesAKeyThatIsNotThirtyTwoBytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> cipher(shortKey))
                .hasMessageContaining("exactly 32 bytes");
    }

    private static SecretCipher cipher(String key) {
        return new SecretCipher(config(key, List.of()));
    }

    private static SecretsConfig config(String key, List<String> previous) {
        return new SecretsConfig() {
            @Override
            public String encryptionKey() {
                return key;
            }

            @Override
            public Optional<List<String>> previousEncryptionKeys() {
                return Optional.of(previous);
            }

            @Override
            public Duration rotationOverlap() {
                return Duration.ofHours(24);
            }
        };
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
