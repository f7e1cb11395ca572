package com.dravo.webhooks.endpoint;

import static com.dravo.webhooks.support.Api.patch;
import static com.dravo.webhooks.support.Api.register;
import static com.dravo.webhooks.support.Api.rotate;
import static com.dravo.webhooks.support.Api.sendTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Rows;
import com.dravo.webhooks.support.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Deleting and deactivating an endpoint, and what becomes of its deliveries. */
@QuarkusTest
class EndpointDeletionTests {

    @Inject
    AgroalDataSource database;

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = Tokens.dashboard(owner);
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aDeletedEndpointLeavesEveryListingAndAnswers404OnEveryRoute() {
        String deleted = register(token, receiver.url("/gone"), "post.published").path("id");
        String kept = register(token, receiver.url("/kept"), "post.published").path("id");

        given().auth().oauth2(token).when().delete("/v1/webhooks/" + deleted)
                .then().statusCode(204).body(equalTo(""));

        given().auth().oauth2(token).get("/v1/webhooks").then().body("id", contains(kept));
        given().auth().oauth2(token).get("/v1/webhooks/" + deleted).then().statusCode(404);
        patch(token, deleted, Map.of("active", true)).then().statusCode(404);
        rotate(token, deleted).then().statusCode(404);
        sendTest(token, deleted).then().statusCode(404);
        given().auth().oauth2(token).get("/v1/webhooks/" + deleted + "/deliveries")
                .then().statusCode(404);
        given().auth().oauth2(token).delete("/v1/webhooks/" + deleted).then().statusCode(404);
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void deletingCancelsPendingDeliveriesAndKeepsTheLog() throws SQLException {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response sent = sendTest(token, id);
        String sentId = sent.path("id");
        String pending = Rows.insertPendingDelivery(database, owner, id, sent.path("event_id"));

        given().auth().oauth2(token).when().delete("/v1/webhooks/" + id)
                .then().statusCode(204);

        assertThat(Rows.first(database, "select active, deleted_at is not null, "
                + "previous_secret_sealed from endpoint where id = ?", id))
                .containsExactly("f", "t", null);
        assertThat(Rows.first(database, "select status, next_attempt_at from delivery "
                + "where id = ?", pending)).containsExactly("CANCELLED", null);
        assertThat(Rows.first(database, "select status from delivery where id = ?",
                sentId)).containsExactly("SUCCEEDED");
        assertThat(Rows.first(database, "select status_code from attempt "
                + "where delivery_id = ?", sentId)).containsExactly("200");
    }

    @Test
    void deletingFreesThePlaceOfTheEndpointUnderTheLimit() throws SQLException {
        String id = register(token, "https://example.com/h", "post.published").path("id");

        given().auth().oauth2(token).delete("/v1/webhooks/" + id).then().statusCode(204);

        assertThat(Rows.first(database, "select count(*) from endpoint "
                + "where owner = ? and deleted_at is null", owner)).containsExactly("0");
    }

    @Test
    void deactivatingCancelsPendingDeliveriesAndReactivatingDoesNotRevive() throws SQLException {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response sent = sendTest(token, id);
        String pending = Rows.insertPendingDelivery(database, owner, id, sent.path("event_id"));
        given().auth().oauth2(token).queryParam("status", "pending")
                .get("/v1/webhooks/" + id + "/deliveries").then().body("id", contains(pending));

        patch(token, id, Map.of("active", false)).then().statusCode(200)
                .body("active", equalTo(false));
        patch(token, id, Map.of("active", true)).then().statusCode(200);

        given().auth().oauth2(token).queryParam("status", "cancelled")
                .get("/v1/webhooks/" + id + "/deliveries")
                .then().statusCode(200).body("id", contains(pending))
                .body("[0].next_attempt_at", nullValue());
        given().auth().oauth2(token).queryParam("status", "pending")
                .get("/v1/webhooks/" + id + "/deliveries").then().body("id", empty());
        given().auth().oauth2(token).queryParam("status", "succeeded")
                .get("/v1/webhooks/" + id + "/deliveries")
                .then().body("id", contains((String) sent.path("id")));
    }

    @Test
    void changingOtherFieldsOfAnActiveEndpointCancelsNothing() throws SQLException {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        Response sent = sendTest(token, id);
        String pending = Rows.insertPendingDelivery(database, owner, id, sent.path("event_id"));

        patch(token, id, Map.of("active", true, "url", receiver.url("/moved")))
                .then().statusCode(200);

        assertThat(Rows.first(database, "select status from delivery where id = ?", pending))
                .containsExactly("PENDING");
    }
}
