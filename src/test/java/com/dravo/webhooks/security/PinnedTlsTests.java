package com.dravo.webhooks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Api;
import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.TestCertificate;
import com.dravo.webhooks.support.TestHostResolver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The connection goes to the address the policy checked, yet TLS still verifies the name in
 * the URL: a certificate for another name is refused even on the right address.
 */
@QuarkusTest
@TestProfile(TlsReceiverProfile.class)
class PinnedTlsTests {

    private final String token = Tokens.dashboard("tls-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = LoopbackReceiver.tls("127.0.0.2",
            TestCertificate.forHost(TlsReceiverProfile.FOLDER, TlsReceiverProfile.HOST)
                    .serverContext());

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void verifiesTheUrlsHostNameOnThePinnedAddress() {
        TestHostResolver.answer(TlsReceiverProfile.HOST, "127.0.0.2");
        String url = "https://" + TlsReceiverProfile.HOST + ":" + receiver.port() + "/h";
        String id = Api.register(token, url, "post.published").path("id");

        Api.sendTest(token, id).then().statusCode(200)
                .body("succeeded", equalTo(true));

        assertThat(receiver.received()).hasSize(1);
        assertThat(receiver.received().get(0).header("host"))
                .isEqualTo(TlsReceiverProfile.HOST + ":" + receiver.port());
    }

    @Test
    void refusesACertificateForAnotherNameOnTheSameAddress() {
        TestHostResolver.answer("impostor.example.net", "127.0.0.2");
        String url = "https://impostor.example.net:" + receiver.port() + "/h";
        String id = Api.register(token, url, "post.published").path("id");

        Api.sendTest(token, id).then().statusCode(200)
                .body("succeeded", equalTo(false))
                .body("error", equalTo("TLS handshake failed"));

        assertThat(receiver.received()).isEmpty();
    }
}
