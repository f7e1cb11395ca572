package com.dravo.webhooks.endpoint;

import static com.dravo.webhooks.support.Api.register;
import static com.dravo.webhooks.support.Api.rotate;
import static com.dravo.webhooks.support.Api.sendTest;
import static com.dravo.webhooks.support.Api.standardHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Api;
import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.LoopbackReceiver.Received;
import com.dravo.webhooks.support.Tokens;
import com.stripe.net.Webhook.Signature;
import com.svix.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** With a two-second overlap, the old secret stops signing once it is over. */
@QuarkusTest
@TestProfile(ShortLimitsProfile.class)
class RotationOverlapEndTests {

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void afterTheOverlapOnlyTheNewSecretVerifies() throws Exception {
        Response created = register(token, receiver.url("/h"), "post.published");
        String old = created.path("signing_secret");
        String current = rotate(token, created.path("id")).path("signing_secret");
        sendTest(token, created.path("id")).then().statusCode(200);
        Received during = receiver.received().get(0);
        new Webhook(old).verify(text(during), standardHeaders(during));

        Api.pause(2500);
        sendTest(token, created.path("id")).then().statusCode(200);

        Received after = receiver.received().get(1);
        String payload = text(after);
        assertThat(after.header("webhook-signature").split(" ")).hasSize(1);
        assertThat(after.header("dravo-signature").split(",")).hasSize(2);
        new Webhook(current).verify(payload, standardHeaders(after));
        Signature.verifyHeader(payload, after.header("dravo-signature"), current, 300);
        assertThatThrownBy(() -> new Webhook(old).verify(payload, standardHeaders(after)));
        assertThatThrownBy(() -> Signature.verifyHeader(payload,
                after.header("dravo-signature"), old, 300));
    }

    private static String text(Received request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }
}
