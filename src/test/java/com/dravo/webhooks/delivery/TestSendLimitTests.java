package com.dravo.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The test route sends at most 60 times per endpoint per minute, however it is called. */
@QuarkusTest
class TestSendLimitTests {

    private static final int LIMIT = 60;

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void refusesTheSendAfterTheLimitWith429AndRetryAfterAndSendsNothing() {
        String id = register();
        for (int i = 0; i < LIMIT; i++) {
            sendTest(id).then().statusCode(200);
        }

        Response refused = sendTest(id);

        refused.then().statusCode(429).contentType("application/problem+json");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(receiver.received()).hasSize(LIMIT);
    }

    @Test
    void countsEachEndpointOnItsOwn() {
        String first = register();
        String second = register();
        for (int i = 0; i < LIMIT; i++) {
            sendTest(first).then().statusCode(200);
        }

        sendTest(first).then().statusCode(429);
        sendTest(second).then().statusCode(200);
    }

    @Test
    void letsExactlyTheLimitThroughUnderConcurrentRequests() throws Exception {
        String id = register();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();

        try {
            for (int i = 0; i < LIMIT + 25; i++) {
                statuses.add(pool.submit(() -> sendTest(id).statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }

            assertThat(codes).filteredOn(code -> code == 200).hasSize(LIMIT);
            assertThat(codes).filteredOn(code -> code == 429).hasSize(25);
            assertThat(receiver.received()).hasSize(LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }

    private String register() {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/h"), "events", List.of("post.published")))
                .when().post("/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    private Response sendTest(String endpointId) {
        return given().auth().oauth2(token).when().post("/v1/webhooks/" + endpointId + "/test");
    }
}
