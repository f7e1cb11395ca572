package com.dravo.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Api;
import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** After an outage, an owner sends the failed deliveries of a window again. */
@QuarkusTest
class RecoveryTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = Tokens.dashboard(owner);
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void requeuesTheFailedDeliveriesOfTheWindowWithTheSameEventId() {
        receiver.answering(500);
        String endpointId = Api.register(token, receiver.url("/h"), "post.queued").path("id");
        String eventId = Api.publish(owner, "post.queued").path("id");
        await().atMost(PATIENCE).until(() -> "failed".equals(onlyDelivery(endpointId)
                .path("[0].status")));
        receiver.answering(200);

        recover(endpointId, Map.of("since", Instant.now().minusSeconds(600).toString()))
                .then().statusCode(202).body("recovered", equalTo(1));

        await().atMost(PATIENCE).until(() -> "succeeded".equals(onlyDelivery(endpointId)
                .path("[0].status")));
        assertThat(receiver.received()).hasSize(4);
        assertThat(receiver.received().get(3).header("webhook-id")).isEqualTo(eventId);
    }

    @Test
    void leavesDeliveriesOutsideTheWindowAlone() {
        receiver.answering(500);
        String endpointId = Api.register(token, receiver.url("/h"), "post.queued").path("id");
        Api.publish(owner, "post.queued");
        await().atMost(PATIENCE).until(() -> "failed".equals(onlyDelivery(endpointId)
                .path("[0].status")));

        recover(endpointId, Map.of("since", Instant.now().minusSeconds(600).toString(),
                "until", Instant.now().minusSeconds(300).toString()))
                .then().statusCode(202).body("recovered", equalTo(0));
    }

    @Test
    void refusesAWindowWithoutSinceOrEndingBeforeItStarts() {
        String endpointId = Api.register(token, receiver.url("/h"), "post.queued").path("id");

        recover(endpointId, Map.of()).then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        recover(endpointId, Map.of("since", "yesterday")).then().statusCode(400);
        recover(endpointId, Map.of("since", Instant.now().minusSeconds(60).toString(),
                "until", Instant.now().minusSeconds(120).toString()))
                .then().statusCode(400).body("errors[0].field", equalTo("until"));
    }

    @Test
    void answers404ForAnotherOwnersEndpoint() {
        String theirs = Api.register(Tokens.dashboard("other-" + owner), receiver.url("/h"),
                "post.queued").path("id");

        recover(theirs, Map.of("since", Instant.now().minusSeconds(60).toString()))
                .then().statusCode(404);
    }

    private Response recover(String endpointId, Map<String, String> window) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(window)
                .when().post("/v1/webhooks/" + endpointId + "/recover");
    }

    private Response onlyDelivery(String endpointId) {
        return given().auth().oauth2(token)
                .when().get("/v1/webhooks/" + endpointId + "/deliveries");
    }
}
