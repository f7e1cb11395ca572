package com.dravo.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Test sends show up at /q/metrics by outcome and event type, and nothing else leaks there. */
@QuarkusTest
class DeliveryMetricsTests {

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = Tokens.dashboard(owner);
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void countsDeliveriesByOutcomeAndEventTypeAndTimesAttempts() {
        String good = register(receiver.url("/hooks/metrics"), "post.failed");
        String refused = register(receiver.url("/hooks/metrics-refused"), "connection.revoked");
        receiver.answering(200);
        sendTest(good);
        receiver.answering(503);
        sendTest(refused);

        String metrics = scrape();

        assertThat(metrics)
                .containsPattern("dravo_deliveries_total\\{event_type=\"post.failed\","
                        + "outcome=\"succeeded\"\\} [1-9]")
                .containsPattern("dravo_deliveries_total\\{event_type=\"connection.revoked\","
                        + "outcome=\"failed\"\\} [1-9]")
                .containsPattern("dravo_delivery_attempt_seconds_count\\{"
                        + "event_type=\"post.failed\",outcome=\"succeeded\"\\} [1-9]")
                .containsPattern("dravo_delivery_attempt_seconds_bucket\\{"
                        + "event_type=\"post.failed\",outcome=\"succeeded\",le=\"[0-9.]+\"\\}");
    }

    @Test
    void showsTheQueueAndDisabledEndpoints() {
        String metrics = scrape();

        assertThat(metrics)
                .containsPattern("(?m)^dravo_delivery_queue_depth [0-9.]+$")
                .containsPattern("(?m)^dravo_delivery_queue_oldest_age_seconds [0-9.]+$")
                .containsPattern("(?m)^dravo_endpoints_disabled [0-9.]+$");
    }

    @Test
    void tagsNoOwnerEndpointOrReceiverAddress() {
        String endpoint = register(receiver.url("/hooks/private-path"), "post.queued");
        sendTest(endpoint);

        String metrics = scrape();

        assertThat(metrics)
                .doesNotContain(owner)
                .doesNotContain(endpoint)
                .doesNotContain("/hooks/private-path")
                .doesNotContain("127.0.0.1:" + receiver.port());
    }

    private String register(String url, String... events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(events)))
                .when().post("/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private void sendTest(String endpointId) {
        given().auth().oauth2(token)
                .when().post("/v1/webhooks/" + endpointId + "/test")
                .then().statusCode(200);
    }

    private static String scrape() {
        return given().when().get("/q/metrics")
                .then().statusCode(200).extract().asString();
    }
}
