package com.dravo.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Api;
import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** An endpoint that fails every delivery for too long is turned off, and says why. */
@QuarkusTest
@TestProfile(FastDisableProfile.class)
class EndpointAutoDisableTests {

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = Tokens.dashboard(owner);
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void disablesAnEndpointFailingForTheConfiguredTimeAndShowsTheReason() {
        receiver.answering(503);
        String id = Api.register(token, receiver.url("/h"), "post.failed").path("id");

        Api.publish(owner, "post.failed");

        await().atMost(Duration.ofSeconds(20)).until(() -> Boolean.FALSE.equals(
                given().auth().oauth2(token).get("/v1/webhooks/" + id).path("active")));
        given().auth().oauth2(token).get("/v1/webhooks/" + id)
                .then().statusCode(200)
                .body("active", equalTo(false))
                .body("disabled_reason", startsWith("every delivery failed for"));
        given().auth().oauth2(token).get("/v1/webhooks/" + id + "/deliveries")
                .then().body("[0].status", equalTo("cancelled"));

        Api.patch(token, id, Map.of("active", true)).then().statusCode(200)
                .body("active", equalTo(true))
                .body("$", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("disabled_reason")));
    }
}
