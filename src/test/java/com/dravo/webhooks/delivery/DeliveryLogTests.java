package com.dravo.webhooks.delivery;

import static com.dravo.webhooks.support.Api.delivery;
import static com.dravo.webhooks.support.Api.register;
import static com.dravo.webhooks.support.Api.sendTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The delivery log of an endpoint, checked against what the receiver really answered. */
@QuarkusTest
class DeliveryLogTests {

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void listsDeliveriesNewestFirstWithTheirFields() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response first = sendTest(token, id);
        receiver.answering(500);
        Response second = sendTest(token, id);

        given().auth().oauth2(token).when().get("/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(200)
                .body("id", contains((String) second.path("id"), (String) first.path("id")))
                .body("[0].event_id", equalTo(second.path("event_id")))
                .body("[0].event_type", equalTo("post.published"))
                .body("[0].status", equalTo("failed"))
                .body("[0].status_code", equalTo(500))
                .body("[0].attempts", equalTo(1))
                .body("[0]", hasKey("next_attempt_at"))
                .body("[0].next_attempt_at", nullValue())
                .body("[0].created_at", notNullValue())
                .body("[1].status", equalTo("succeeded"))
                .body("[1].status_code", equalTo(200));
    }

    @Test
    void pagesOneStatusAndKeepsTheFilterInTheNextLink() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        receiver.answering(500);
        String olderFailure = sendTest(token, id).path("id");
        receiver.answering(200);
        sendTest(token, id);
        receiver.answering(502);
        String newerFailure = sendTest(token, id).path("id");

        String path = "/v1/webhooks/" + id + "/deliveries";
        given().auth().oauth2(token).queryParam("limit", 1).queryParam("status", "failed")
                .when().get(path)
                .then().statusCode(200).body("id", contains(newerFailure))
                .header("Link", equalTo("<" + path + "?limit=1&status=failed&starting_after="
                        + newerFailure + ">; rel=\"next\""));
        given().auth().oauth2(token).queryParam("limit", 1).queryParam("status", "failed")
                .queryParam("starting_after", newerFailure).when().get(path)
                .then().statusCode(200).body("id", contains(olderFailure))
                .header("Link", nullValue());
        given().auth().oauth2(token).queryParam("status", "succeeded").when().get(path)
                .then().body("status", contains("succeeded"));
    }

    @ParameterizedTest(name = "status={0}")
    @ValueSource(strings = { "PENDING", "done", "succeeded,failed", "cancel" })
    void refusesAStatusFilterThatIsNotADeliveryStatus(String status) {
        String id = register(token, receiver.url("/h"), "post.published").path("id");

        given().auth().oauth2(token).queryParam("status", status)
                .when().get("/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_status"))
                .body("errors[0].field", equalTo("status"))
                .body("detail", equalTo("status must be one of: pending, succeeded, failed, "
                        + "cancelled"));
    }

    @Test
    void refusesALimitOutOfRangeAndACursorOfAnotherEndpoint() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        String other = register(token, receiver.url("/o"), "post.published").path("id");
        String otherDelivery = sendTest(token, other).path("id");

        given().auth().oauth2(token).queryParam("limit", 101)
                .get("/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(400).body("code", equalTo("invalid_limit"));
        given().auth().oauth2(token).queryParam("starting_after", otherDelivery)
                .get("/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(400).body("code", equalTo("invalid_cursor"));
    }

    @Test
    void showsEachAttemptWithTheReceiversStatusHeadersAndBody() {
        receiver.answering(503, Map.of("X-Receiver", "r1", "Retry-After", "30"), "busy now");
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response sent = sendTest(token, id);

        delivery(token, id, sent.path("id")).then().statusCode(200)
                .body("id", equalTo(sent.path("id")))
                .body("event_id", equalTo(sent.path("event_id")))
                .body("status", equalTo("failed"))
                .body("status_code", equalTo(503))
                .body("attempts", hasSize(1))
                .body("attempts[0].attempted_at", notNullValue())
                .body("attempts[0].duration_ms", greaterThanOrEqualTo(0))
                .body("attempts[0].status_code", equalTo(503))
                .body("attempts[0].error", equalTo("receiver answered HTTP 503"))
                .body("attempts[0].response_body", equalTo("busy now"))
                .body("attempts[0].response_headers.x-receiver", equalTo("r1"))
                .body("attempts[0].response_headers.retry-after", equalTo("30"))
                .body("attempts[0].response_headers.content-length", equalTo("8"));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void keepsTheFirst4KiBOfAResponseBody() {
        String body = "0123456789abcdef".repeat(640);
        receiver.answering(200, Map.of(), body);
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response sent = sendTest(token, id);

        String kept = delivery(token, id, sent.path("id")).then().statusCode(200)
                .extract().path("attempts[0].response_body");

        assertThat(kept).isEqualTo(body.substring(0, 4096));
    }

    @Test
    void showsAnAttemptThatGotNoAnswerWithItsErrorOnly() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String id = register(token, "http://127.0.0.1:" + closedPort + "/h", "post.published")
                .path("id");
        Response sent = sendTest(token, id);

        delivery(token, id, sent.path("id")).then().statusCode(200)
                .body("status_code", nullValue())
                .body("attempts[0].status_code", nullValue())
                .body("attempts[0].error", equalTo("connection refused"))
                .body("attempts[0].response_headers", equalTo(Map.of()))
                .body("attempts[0].response_body", nullValue());
    }

    @Test
    void answersAnotherEndpointsDeliveryLikeAnUnknownOne() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        String other = register(token, receiver.url("/o"), "post.published").path("id");
        String otherDelivery = sendTest(token, other).path("id");

        String foreign = delivery(token, id, otherDelivery).then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        String unknown = delivery(token, id, "del_doesnotexist").then().statusCode(404)
                .extract().asString();

        assertThat(foreign).isEqualTo(unknown).contains("no delivery with that id");
    }
}
