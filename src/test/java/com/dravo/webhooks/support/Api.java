package com.dravo.webhooks.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.dravo.webhooks.support.LoopbackReceiver.Received;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The calls most API tests make, as a dashboard would make them. */
public final class Api {

    private Api() {
    }

    /** Registers an endpoint and returns the 201 answer (with the secret). */
    public static Response register(String token, String url, String... events) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(events)))
                .when().post("/v1/webhooks")
                .then().statusCode(201).extract().response();
    }

    /** Publishes an event as another Dravo service would, and returns the 202 answer. */
    public static Response publish(String owner, String type) {
        return given().auth().oauth2(Tokens.publisher("posts-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("type", type, "owner", owner,
                        "data", Map.of("post_id", "p_1", "network", "mastodon")))
                .when().post("/v1/events")
                .then().statusCode(202).extract().response();
    }

    public static Response sendTest(String token, String endpointId) {
        return given().auth().oauth2(token).when().post("/v1/webhooks/" + endpointId + "/test");
    }

    public static Response patch(String token, String endpointId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().patch("/v1/webhooks/" + endpointId);
    }

    public static Response rotate(String token, String endpointId) {
        return given().auth().oauth2(token)
                .when().post("/v1/webhooks/" + endpointId + "/rotate-secret");
    }

    public static Response delivery(String token, String endpointId, String deliveryId) {
        return given().auth().oauth2(token)
                .when().get("/v1/webhooks/" + endpointId + "/deliveries/" + deliveryId);
    }

    /** Reads the delivery until it is no longer pending, for attempts made in the background. */
    public static Response awaitFinal(String token, String endpointId, String deliveryId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            Response delivery = delivery(token, endpointId, deliveryId);
            if (!"pending".equals(delivery.path("status")) || Instant.now().isAfter(deadline)) {
                return delivery;
            }
            pause(50);
        }
    }

    /** The Standard Webhooks headers of a request, as the Svix verifier takes them. */
    public static java.net.http.HttpHeaders standardHeaders(Received request) {
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
        return java.net.http.HttpHeaders.of(headers, (name, value) -> true);
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
