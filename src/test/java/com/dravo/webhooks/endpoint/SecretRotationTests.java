package com.dravo.webhooks.endpoint;

import static com.dravo.webhooks.support.Api.register;
import static com.dravo.webhooks.support.Api.rotate;
import static com.dravo.webhooks.support.Api.sendTest;
import static com.dravo.webhooks.support.Api.standardHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.LoopbackReceiver.Received;
import com.dravo.webhooks.support.Tokens;
import com.stripe.net.Webhook.Signature;
import com.svix.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Rotating a secret: both sign during the overlap, as independent verifiers see it. */
@QuarkusTest
class SecretRotationTests {

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void answersTheEndpointWithANewSecretShownOnlyThere() {
        Response created = register(token, receiver.url("/h"), "post.published");
        String id = created.path("id");

        Response rotated = rotate(token, id);

        rotated.then().statusCode(200)
                .body("id", equalTo(id))
                .body("url", equalTo(receiver.url("/h")))
                .body("events", contains("post.published"))
                .body("signing_secret", startsWith("whsec_"));
        assertThat((String) rotated.path("signing_secret"))
                .isNotEqualTo(created.path("signing_secret"));
        given().auth().oauth2(token).get("/v1/webhooks/" + id)
                .then().body("$", not(hasKey("signing_secret")));
        given().auth().oauth2(token).get("/v1/webhooks")
                .then().body("[0]", not(hasKey("signing_secret")));
    }

    @Test
    void duringTheOverlapEveryDeliveryVerifiesWithTheOldAndTheNewSecret() throws Exception {
        Response created = register(token, receiver.url("/h"), "post.published");
        String old = created.path("signing_secret");
        String current = rotate(token, created.path("id")).path("signing_secret");

        sendTest(token, created.path("id")).then().statusCode(200)
                .body("succeeded", equalTo(true));

        Received request = receiver.received().get(0);
        String payload = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(request.header("dravo-signature").split(",")).hasSize(3)
                .filteredOn(part -> part.startsWith("v1=")).hasSize(2);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        for (String secret : new String[] { old, current }) {
            new Webhook(secret).verify(payload, standardHeaders(request));
            Signature.verifyHeader(payload, request.header("dravo-signature"), secret, 300);
        }
    }

    @Test
    void aSecondRotationInTheOverlapDropsTheOldestSecret() throws Exception {
        Response created = register(token, receiver.url("/h"), "post.published");
        String first = created.path("signing_secret");
        String second = rotate(token, created.path("id")).path("signing_secret");
        String third = rotate(token, created.path("id")).path("signing_secret");

        sendTest(token, created.path("id")).then().statusCode(200);

        Received request = receiver.received().get(0);
        String payload = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        for (String secret : new String[] { second, third }) {
            new Webhook(secret).verify(payload, standardHeaders(request));
            Signature.verifyHeader(payload, request.header("dravo-signature"), secret, 300);
        }
        assertThatThrownBy(() -> new Webhook(first).verify(payload, standardHeaders(request)));
        assertThatThrownBy(() -> Signature.verifyHeader(payload,
                request.header("dravo-signature"), first, 300));
    }
}
