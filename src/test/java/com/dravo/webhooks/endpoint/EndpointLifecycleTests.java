package com.dravo.webhooks.endpoint;

import static com.dravo.webhooks.support.Api.patch;
import static com.dravo.webhooks.support.Api.register;
import static com.dravo.webhooks.support.Api.sendTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Reading and changing one endpoint. */
@QuarkusTest
class EndpointLifecycleTests {

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void readsOneEndpointWithoutSecretOrDeliveryFieldsBeforeAnyDelivery() {
        Response created = register(token, "https://example.com/hooks", "post.failed");

        given().auth().oauth2(token).when().get("/v1/webhooks/" + created.path("id"))
                .then().statusCode(200)
                .body("id", equalTo(created.path("id")))
                .body("url", equalTo("https://example.com/hooks"))
                .body("events", contains("post.failed"))
                .body("active", equalTo(true))
                .body("created_at", equalTo(created.path("created_at")))
                .body("updated_at", equalTo(created.path("updated_at")))
                .body("$", not(hasKey("signing_secret")))
                .body("$", not(hasKey("last_delivery_at")))
                .body("$", not(hasKey("last_status")));
    }

    @Test
    void showsTheNewestDeliveryTimeAndStatusOnceThereIsOne() {
        String id = register(token, receiver.url("/h"), "post.published").path("id");
        sendTest(token, id).then().statusCode(200);
        receiver.answering(500);
        String failedId = sendTest(token, id).then().statusCode(200).extract().path("id");

        String createdAt = given().auth().oauth2(token)
                .get("/v1/webhooks/" + id + "/deliveries/" + failedId).path("created_at");
        given().auth().oauth2(token).when().get("/v1/webhooks/" + id)
                .then().statusCode(200)
                .body("last_status", equalTo("failed"))
                .body("last_delivery_at", equalTo(createdAt));
        given().auth().oauth2(token).when().get("/v1/webhooks")
                .then().statusCode(200)
                .body("[0].last_status", equalTo("failed"))
                .body("[0].last_delivery_at", equalTo(createdAt));
    }

    @Test
    void changesUrlEventsAndActiveTogether() {
        Response created = register(token, "https://example.com/old", "post.published");
        String id = created.path("id");

        patch(token, id, Map.of("url", "HTTPS://Hooks.Example.NET/new",
                "events", List.of("post.queued", "post.queued", "connection.revoked"),
                "active", false))
                .then().statusCode(200)
                .body("url", equalTo("https://hooks.example.net/new"))
                .body("events", contains("post.queued", "connection.revoked"))
                .body("active", equalTo(false))
                .body("$", not(hasKey("signing_secret")));

        Response read = given().auth().oauth2(token).get("/v1/webhooks/" + id);
        read.then().body("url", equalTo("https://hooks.example.net/new"))
                .body("active", equalTo(false))
                .body("created_at", equalTo(created.path("created_at")));
        assertThat(Instant.parse(read.path("updated_at")))
                .isAfter(Instant.parse(created.path("updated_at")));
    }

    @Test
    void changesOnlyTheFieldsGiven() {
        String id = register(token, "https://example.com/keep", "post.published").path("id");

        patch(token, id, Map.of("events", List.of("post.failed"))).then().statusCode(200);
        patch(token, id, Map.of("active", false)).then().statusCode(200);
        patch(token, id, Map.of("active", true)).then().statusCode(200);

        given().auth().oauth2(token).get("/v1/webhooks/" + id)
                .then().body("url", equalTo("https://example.com/keep"))
                .body("events", contains("post.failed"))
                .body("active", equalTo(true));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"url\":\"ftp://example.com/h\"} | invalid_url | url must use https",
        "{\"url\":\"https://user:pw@example.com/h\"} | invalid_url | user info",
        "{\"url\":\"https://private.example.net/h\"} | address_not_allowed | not publicly",
        "{\"url\":\"https://no-such-host.example.org/h\"} | address_not_allowed | not resolve",
        "{\"url\":\"\"} | invalid_url | url is required",
        "{\"events\":[]} | invalid_events | events must name",
        "{\"events\":[\"post.deleted\"]} | invalid_events | events must name",
        "{\"active\":\"maybe\"} | invalid_json | active",
        "{\"signing_secret\":\"whsec_mine\"} | unknown_field | signing_secret",
        "{} | empty_patch | at least one of url, events, active",
        "{\"url\":null} | empty_patch | at least one of url, events, active",
        "{\"url\": | malformed_json | not valid JSON",
    })
    void refusesAnInvalidChangeLikeARegistrationAndKeepsTheEndpoint(String body, String code,
            String detail) {
        String id = register(token, "https://example.com/keep", "post.published").path("id");

        patchRaw(id, body).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo(code))
                .body("detail", containsString(detail));

        given().auth().oauth2(token).get("/v1/webhooks/" + id)
                .then().body("url", equalTo("https://example.com/keep"))
                .body("events", contains("post.published"))
                .body("active", equalTo(true));
    }

    @Test
    void refusesAPatchWithNoBody() {
        String id = register(token, "https://example.com/h", "post.published").path("id");

        patchRaw(id, "").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("empty_patch"));
    }

    @Test
    void refusesAPatchThatIsNotJson() {
        String id = register(token, "https://example.com/h", "post.published").path("id");

        given().auth().oauth2(token).contentType(ContentType.TEXT).body("active=false")
                .when().patch("/v1/webhooks/" + id)
                .then().statusCode(415).contentType("application/problem+json");
    }

    private Response patchRaw(String id, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .when().patch("/v1/webhooks/" + id);
    }
}
