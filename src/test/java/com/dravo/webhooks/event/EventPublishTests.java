package com.dravo.webhooks.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.LoopbackReceiver.Received;
import com.dravo.webhooks.support.Tokens;
import com.svix.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Published events reach exactly the subscribed endpoints, retried until they land. */
@QuarkusTest
class EventPublishTests {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final String owner = "owner-" + UUID.randomUUID();
    private final String publisher = Tokens.publisher("posts-service");
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.close();
    }

    @Test
    void fansOutToExactlyTheActiveEndpointsSubscribedToTheType() throws Exception {
        Response first = register(owner, "/first", "post.published");
        register(owner, "/failed-only", "post.failed");
        Response both = register(owner, "/both", "post.failed", "post.published");
        register("someone-else-" + owner, "/theirs", "post.published");

        Response published = publish(owner, "post.published", null);

        published.then().statusCode(202)
                .body("id", startsWith("evt_"))
                .body("deliveries", equalTo(2));
        await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2);
        Thread.sleep(500);
        assertThat(receiver.received()).extracting(Received::path)
                .containsExactlyInAnyOrder("/first", "/both");
        for (Received request : receiver.received()) {
            String secret = request.path().equals("/first")
                    ? first.path("signing_secret") : both.path("signing_secret");
            assertThat(request.header("webhook-id")).isEqualTo(published.path("id"));
            new Webhook(secret).verify(new String(request.body(), StandardCharsets.UTF_8),
                    headers(request));
            assertThat(new String(request.body(), StandardCharsets.UTF_8))
                    .contains("\"test\":false", "\"post_id\":\"p_1\"");
        }
    }

    @Test
    void retriesWithTheSameEventIdUntilTheReceiverAccepts() throws Exception {
        receiver.answeringInTurn(500, 503);
        String id = register(owner, "/flaky", "post.queued").path("id");

        String eventId = publish(owner, "post.queued", null).then().statusCode(202)
                .extract().path("id");

        await().atMost(PATIENCE).until(() -> receiver.received().size() == 3);
        assertThat(receiver.received()).extracting(request -> request.header("webhook-id"))
                .containsOnly(eventId);
        await().atMost(PATIENCE).until(() -> deliveryOf(id, eventId).equals("succeeded 3"));
    }

    @Test
    void failsTheDeliveryAfterTheLastRetry() throws Exception {
        receiver.answering(500);
        String id = register(owner, "/down", "post.queued").path("id");

        String eventId = publish(owner, "post.queued", null).then().statusCode(202)
                .extract().path("id");

        await().atMost(PATIENCE).until(() -> deliveryOf(id, eventId).equals("failed 3"));
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void waitsAsLongAsRetryAfterAsks() throws Exception {
        receiver.answering(429, "Retry-After", "3");
        register(owner, "/busy", "post.queued");

        publish(owner, "post.queued", null).then().statusCode(202);

        await().atMost(PATIENCE).until(() -> receiver.received().size() >= 2);
        List<Long> times = receiver.receivedAtMillis();
        assertThat(times.get(1) - times.get(0)).isGreaterThanOrEqualTo(2900);
    }

    @Test
    void disablesAnEndpointThatAnswers410AndSendsItNothingMore() throws Exception {
        receiver.answering(410);
        String id = register(owner, "/gone", "post.queued").path("id");

        String eventId = publish(owner, "post.queued", null).then().statusCode(202)
                .extract().path("id");

        await().atMost(PATIENCE).until(() -> deliveryOf(id, eventId).equals("failed 1"));
        given().auth().oauth2(Tokens.dashboard(owner)).when().get("/v1/webhooks/" + id)
                .then().statusCode(200)
                .body("active", equalTo(false))
                .body("disabled_reason", equalTo("the receiver answered 410 Gone"));
        publish(owner, "post.queued", null).then().statusCode(202)
                .body("deliveries", equalTo(0));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void returnsTheFirstEventForARepeatedIdempotencyKey() throws Exception {
        register(owner, "/once", "post.failed");

        Response first = publish(owner, "post.failed", "key-" + owner);
        Response again = publish(owner, "post.failed", "key-" + owner);

        first.then().statusCode(202);
        again.then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
        await().atMost(PATIENCE).until(() -> receiver.received().size() >= 1);
        Thread.sleep(1000);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void refusesDashboardTokensWith403() throws Exception {
        given().auth().oauth2(Tokens.dashboard(owner)).contentType(ContentType.JSON)
                .body(Map.of("type", "post.failed", "owner", owner, "data", Map.of()))
                .when().post("/v1/events")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void refusesAnUnknownTypeAMissingOwnerAndDataThatIsNotAnObject() throws Exception {
        given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body(Map.of("type", "post.deleted", "owner", owner, "data", Map.of()))
                .when().post("/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body(Map.of("type", "post.failed", "data", Map.of()))
                .when().post("/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("owner"));
        given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body("{\"type\":\"post.failed\",\"owner\":\"o\",\"data\":\"text\"}")
                .when().post("/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("data"));
    }

    private Response register(String endpointOwner, String path, String... events) {
        return given().auth().oauth2(Tokens.dashboard(endpointOwner))
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(path), "events", List.of(events)))
                .when().post("/v1/webhooks")
                .then().statusCode(201).extract().response();
    }

    private Response publish(String eventOwner, String type, String idempotencyKey) {
        var request = given().auth().oauth2(publisher).contentType(ContentType.JSON)
                .body(Map.of("type", type, "owner", eventOwner,
                        "data", Map.of("post_id", "p_1", "network", "mastodon")));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/v1/events");
    }

    /** Status and attempts of the event's delivery, as its endpoint's delivery log shows. */
    private String deliveryOf(String endpointId, String eventId) {
        Response log = given().auth().oauth2(Tokens.dashboard(owner))
                .when().get("/v1/webhooks/" + endpointId + "/deliveries")
                .then().statusCode(200).extract().response();
        String path = "find { it.event_id == '" + eventId + "' }";
        return log.path(path + ".status") + " " + log.path(path + ".attempts");
    }

    private static java.net.http.HttpHeaders headers(Received request) {
        return java.net.http.HttpHeaders.of(Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature"))),
                (name, value) -> true);
    }
}
