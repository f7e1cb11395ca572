package com.dravo.webhooks.delivery;

import static com.dravo.webhooks.support.Api.awaitFinal;
import static com.dravo.webhooks.support.Api.patch;
import static com.dravo.webhooks.support.Api.register;
import static com.dravo.webhooks.support.Api.sendTest;
import static com.dravo.webhooks.support.Api.standardHeaders;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Api;
import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.LoopbackReceiver.Received;
import com.dravo.webhooks.support.Rows;
import com.dravo.webhooks.support.Tokens;
import com.svix.Webhook;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Redelivery: a new delivery of the same event, sent by the dispatchers. */
@QuarkusTest
class RedeliveryTests {

    @Inject
    AgroalDataSource database;

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void queuesANewDeliveryOfTheSameEventAndSendsTheSameBytes() throws Exception {
        Response created = register(token, receiver.url("/h"), "post.published");
        String id = created.path("id");
        Response first = sendTest(token, id);

        Response queued = redeliver(id, first.path("id"));

        queued.then().statusCode(202)
                .header("Location", equalTo("/v1/webhooks/" + id + "/deliveries/"
                        + queued.path("id")))
                .body("id", startsWith("del_"))
                .body("id", not(equalTo(first.path("id"))))
                .body("event_id", equalTo(first.path("event_id")))
                .body("event_type", equalTo("post.published"))
                .body("status", equalTo("pending"))
                .body("attempts", equalTo(0))
                .body("next_attempt_at", notNullValue());
        awaitFinal(token, id, queued.path("id")).then().statusCode(200)
                .body("status", equalTo("succeeded"))
                .body("status_code", equalTo(200))
                .body("attempts", hasSize(1))
                .body("attempts[0].response_body", equalTo("ok"));
        List<Received> received = receiver.received();
        assertThat(received).hasSize(2);
        assertThat(received.get(1).header("webhook-id")).isEqualTo(first.path("event_id"));
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        String secret = created.path("signing_secret");
        new Webhook(secret).verify(
                new String(received.get(1).body(), StandardCharsets.UTF_8),
                standardHeaders(received.get(1)));
        given().auth().oauth2(token).get("/v1/webhooks/" + id + "/deliveries")
                .then().body("id", contains((String) queued.path("id"),
                        (String) first.path("id")));
    }

    @Test
    void aFailedRedeliveryIsFinalAfterItsOneAttempt() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response first = sendTest(token, id);
        receiver.answering(500);

        String queued = redeliver(id, first.path("id")).then().statusCode(202)
                .extract().path("id");

        awaitFinal(token, id, queued).then()
                .body("status", equalTo("failed"))
                .body("status_code", equalTo(500))
                .body("attempts[0].error", equalTo("receiver answered HTTP 500"));
    }

    @Test
    void refusesToRedeliverToAnInactiveEndpoint() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response first = sendTest(token, id);
        patch(token, id, Map.of("active", false)).then().statusCode(200);

        redeliver(id, first.path("id")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("endpoint_inactive"));

        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void answers404ForAnUnknownDeliveryAndForOneOfAnotherEndpointAlike() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        String other = register(token, receiver.url("/o"), "post.published").path("id");
        String otherDelivery = sendTest(token, other).path("id");

        String foreign = redeliver(id, otherDelivery).then().statusCode(404)
                .extract().asString();
        String unknown = redeliver(id, "del_doesnotexist").then().statusCode(404)
                .extract().asString();

        assertThat(foreign).isEqualTo(unknown);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void anAttemptInFlightWhenItsEndpointIsDeletedIsLoggedButStaysCancelled()
            throws SQLException {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response first = sendTest(token, id);
        receiver.sleeping(1000);
        String queued = redeliver(id, first.path("id")).path("id");

        given().auth().oauth2(token).delete("/v1/webhooks/" + id).then().statusCode(204);

        assertThat(Rows.first(database, "select status from delivery where id = ?", queued))
                .containsExactly("CANCELLED");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Rows.first(database, "select 1 from attempt where delivery_id = ?", queued)
                .isEmpty() && Instant.now().isBefore(deadline)) {
            Api.pause(50);
        }
        assertThat(Rows.first(database, "select status, attempts, last_status_code, "
                + "next_attempt_at from delivery where id = ?", queued))
                .containsExactly("CANCELLED", "1", "200", null);
    }

    private Response redeliver(String endpointId, String deliveryId) {
        return given().auth().oauth2(token).when()
                .post("/v1/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/redeliver");
    }
}
