package com.dravo.webhooks.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Fixed vectors, computed outside this code base (openssl, and the Standard Webhooks docs). */
class SignerTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void standardWebhooksSignatureMatchesThePublishedVector() {
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        Signatures signatures = Signer.sign(List.of(SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, body);

        assertThat(signatures.webhookSignature())
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void dravoSignatureIsHexHmacOfTimestampDotBodyKeyedWithTheWholeSecret() {
        // printf '%s' '1764860711.<body>' | openssl dgst -sha256 -hmac '<secret>'
        byte[] body = "{\"id\":\"evt_test\",\"type\":\"post.published\"}"
                .getBytes(StandardCharsets.UTF_8);

        Signatures signatures = Signer.sign(List.of(SECRET), "evt_test", 1764860711L, body);

        assertThat(signatures.dravoSignature()).isEqualTo("t=1764860711,"
                + "v1=c47e84ed38eafbc94dd550a815705ab0b20bbc5f44442098667dbcca91e64f5f");
    }

    @Test
    void everySecretDuringARotationAddsOneEntryToEachHeader() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String newer = SigningSecret.generate();

        Signatures both = Signer.sign(List.of(newer, SECRET), "evt_1", 1700000000L, body);
        Signatures newOnly = Signer.sign(List.of(newer), "evt_1", 1700000000L, body);
        Signatures oldOnly = Signer.sign(List.of(SECRET), "evt_1", 1700000000L, body);

        assertThat(both.dravoSignature()).isEqualTo(newOnly.dravoSignature() + ","
                + oldOnly.dravoSignature().substring("t=1700000000,".length()));
        assertThat(both.webhookSignature())
                .isEqualTo(newOnly.webhookSignature() + " " + oldOnly.webhookSignature());
    }

    @Test
    void generatedSecretsAreWhsecAndBase64OfThirtyTwoRandomBytes() {
        String first = SigningSecret.generate();
        String second = SigningSecret.generate();

        assertThat(first).startsWith("whsec_").isNotEqualTo(second);
        assertThat(SigningSecret.standardWebhooksKey(first)).hasSize(32);
    }
}
