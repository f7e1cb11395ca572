package com.dravo.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.LoopbackReceiver.Received;
import com.dravo.webhooks.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.net.Webhook.Signature;
import com.svix.Webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The test route against a real receiver on loopback, checked by independent verifiers. */
@QuarkusTest
class TestDeliveryTests {

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = Tokens.dashboard(owner);
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void deliversASignedSampleEventThatBothVerifiersAccept() throws Exception {
        Response created = register(receiver.url("/hooks/dravo"), "post.published");
        String secret = created.path("signing_secret");

        Response result = sendTest(created.path("id"), null);

        result.then().statusCode(200)
                .body("id", startsWith("del_"))
                .body("event_id", startsWith("evt_"))
                .body("event_type", equalTo("post.published"))
                .body("succeeded", equalTo(true))
                .body("status_code", equalTo(200))
                .body("attempts", equalTo(1))
                .body("duration_ms", greaterThanOrEqualTo(0))
                .body("error", nullValue());
        assertThat(receiver.received()).hasSize(1);
        Received request = receiver.received().get(0);
        String payload = new String(request.body(), StandardCharsets.UTF_8);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks/dravo");
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("user-agent")).startsWith("Dravo-Webhooks/");
        assertThat(request.header("webhook-id")).isEqualTo(result.path("event_id"));
        Signature.verifyHeader(payload, request.header("dravo-signature"), secret, 300);
        new Webhook(secret).verify(payload, svixHeaders(request));

        JsonNode event = new ObjectMapper().readTree(request.body());
        assertThat(event.get("id").asText()).isEqualTo(result.path("event_id"));
        assertThat(event.get("type").asText()).isEqualTo("post.published");
        assertThat(event.get("test").asBoolean()).isTrue();
        assertThat(event.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(event.get("data").get("post_id").asText()).isNotBlank();
    }

    @Test
    void signsTheExactBytesSentIncludingNonAsciiText() throws Exception {
        Response created = register(receiver.url("/h"), "post.queued");
        sendTest(created.path("id"), null).then().statusCode(200);

        Received request = receiver.received().get(0);
        String payload = new String(request.body(), StandardCharsets.UTF_8);

        assertThat(payload).contains("\u2014");
        Signature.verifyHeader(payload, request.header("dravo-signature"),
                created.path("signing_secret"), 300);
    }

    @Test
    void aSignatureDoesNotVerifyWithAnotherEndpointsSecret() {
        Response created = register(receiver.url("/h"), "post.queued");
        String otherSecret = register(receiver.url("/other"), "post.queued")
                .path("signing_secret");
        sendTest(created.path("id"), null).then().statusCode(200);

        Received request = receiver.received().get(0);
        String payload = new String(request.body(), StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Webhook(otherSecret)
                .verify(payload, svixHeaders(request)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Signature.verifyHeader(
                payload, request.header("dravo-signature"), otherSecret, 300));
    }

    @Test
    void sendsTheRequestedEventTypeWhenTheEndpointHearsIt() {
        String id = register(receiver.url("/h"), "post.published", "post.failed").path("id");

        sendTest(id, Map.of("event_type", "post.failed"))
                .then().statusCode(200).body("event_type", equalTo("post.failed"));

        assertThat(new String(receiver.received().get(0).body(), StandardCharsets.UTF_8))
                .contains("\"type\":\"post.failed\"", "\"error\"");
    }

    @Test
    void refusesAnEventTypeTheEndpointDoesNotHear() {
        String id = register(receiver.url("/h"), "post.published").path("id");

        sendTest(id, Map.of("event_type", "connection.revoked"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_event_type"))
                .body("errors[0].field", equalTo("event_type"));
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void answers404ForAnUnknownIdAndForAnotherOwnersEndpointAlike() {
        String theirs = given().auth().oauth2(Tokens.dashboard("other-" + owner))
                .contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/h"), "events", List.of("post.queued")))
                .post("/v1/webhooks").path("id");

        String unknown = sendTest("wh_doesnotexist", null).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String foreign = sendTest(theirs, null).then().statusCode(404).extract().asString();

        assertThat(foreign).isEqualTo(unknown);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void reportsAReceiverErrorAsAFailedDelivery() {
        receiver.answering(500);
        String id = register(receiver.url("/h"), "post.published").path("id");

        sendTest(id, null).then().statusCode(200)
                .body("succeeded", equalTo(false))
                .body("status_code", equalTo(500))
                .body("error", equalTo("receiver answered HTTP 500"));
    }

    @Test
    void doesNotFollowARedirect() {
        try (LoopbackReceiver target = new LoopbackReceiver()) {
            receiver.redirectingTo(target.url("/elsewhere"));
            String id = register(receiver.url("/h"), "post.published").path("id");

            sendTest(id, null).then().statusCode(200)
                    .body("succeeded", equalTo(false))
                    .body("status_code", equalTo(302))
                    .body("error", equalTo("redirect not followed (HTTP 302)"));

            assertThat(target.received()).isEmpty();
        }
    }

    @Test
    void reportsAClosedPortAsConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String id = register("http://127.0.0.1:" + closedPort + "/h", "post.published")
                .path("id");

        sendTest(id, null).then().statusCode(200)
                .body("succeeded", equalTo(false))
                .body("status_code", nullValue())
                .body("error", equalTo("connection refused"));
    }

    @Test
    void givesUpOnAReceiverSlowerThanTheTimeout() {
        receiver.sleeping(6000);
        String id = register(receiver.url("/h"), "post.published").path("id");

        sendTest(id, null).then().statusCode(200)
                .body("succeeded", equalTo(false))
                .body("status_code", nullValue())
                .body("error", equalTo("timed out after 2 s"))
                .body("duration_ms", lessThan(4000));
    }

    private Response register(String url, String... events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(events)))
                .when().post("/v1/webhooks")
                .then().statusCode(201).extract().response();
    }

    private Response sendTest(String endpointId, Map<String, String> body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/v1/webhooks/" + endpointId + "/test");
    }

    private static java.net.http.HttpHeaders svixHeaders(Received request) {
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
        return java.net.http.HttpHeaders.of(headers, (name, value) -> true);
    }
}
