package com.dravo.webhooks.endpoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Registrations racing for the last places: the limit holds, whatever the timing. */
@QuarkusTest
@TestProfile(ShortLimitsProfile.class)
class EndpointLimitConcurrencyTests {

    private static final int REQUESTS = 12;

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());

    @Test
    void exactlyTheLimitOfConcurrentRegistrationsSucceedAndTheRestGet409() throws Exception {
        List<Integer> statuses = registerAtOnce(REQUESTS);

        assertThat(statuses).filteredOn(status -> status == 201)
                .hasSize(ShortLimitsProfile.MAX_ENDPOINTS);
        assertThat(statuses).filteredOn(status -> status == 409)
                .hasSize(REQUESTS - ShortLimitsProfile.MAX_ENDPOINTS);
        List<String> ids = given().auth().oauth2(token).get("/v1/webhooks").path("id");
        assertThat(ids).hasSize(ShortLimitsProfile.MAX_ENDPOINTS);

        given().auth().oauth2(token).delete("/v1/webhooks/" + ids.get(0))
                .then().statusCode(204);
        assertThat(registerAtOnce(2)).containsExactlyInAnyOrder(201, 409);
    }

    private List<Integer> registerAtOnce(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String url = "https://example.com/race/" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(Map.of("url", url, "events", List.of("post.queued")))
                            .post("/v1/webhooks").statusCode();
                }));
            }
            start.countDown();

            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
