package com.dravo.webhooks.security;

import static com.dravo.webhooks.support.Api.register;
import static com.dravo.webhooks.support.Api.sendTest;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every route under an endpoint id answers another owner's endpoint, or another owner's
 * delivery, exactly like one that does not exist, and leaves it untouched.
 */
@QuarkusTest
class OwnerIsolationTests {

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final String theirToken = Tokens.dashboard("other-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();
    private String theirEndpoint;
    private String theirDelivery;

    @BeforeEach
    void registerTheirs() {
        theirEndpoint = register(theirToken, receiver.url("/theirs"), "post.published")
                .path("id");
        theirDelivery = sendTest(theirToken, theirEndpoint).path("id");
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /v1/webhooks/{e}",
        "PATCH, /v1/webhooks/{e}",
        "DELETE, /v1/webhooks/{e}",
        "POST, /v1/webhooks/{e}/rotate-secret",
        "POST, /v1/webhooks/{e}/test",
        "GET, /v1/webhooks/{e}/deliveries",
        "GET, /v1/webhooks/{e}/deliveries/{d}",
        "POST, /v1/webhooks/{e}/deliveries/{d}/redeliver",
    })
    void anotherOwnersEndpointAnswersLikeAnUnknownOne(String method, String route) {
        String unknown = call(method, route, "wh_doesnotexist", "del_doesnotexist");
        String foreign = call(method, route, theirEndpoint, theirDelivery);

        assertThat(foreign).isEqualTo(unknown).contains("\"status\":404");
        theirsAreUntouched();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, /v1/webhooks/{e}/deliveries/{d}",
        "POST, /v1/webhooks/{e}/deliveries/{d}/redeliver",
    })
    void anotherOwnersDeliveryUnderOwnEndpointAnswersLikeAnUnknownOne(String method,
            String route) {
        String mine = register(token, receiver.url("/mine"), "post.published").path("id");

        String unknown = call(method, route, mine, "del_doesnotexist");
        String foreign = call(method, route, mine, theirDelivery);

        assertThat(foreign).isEqualTo(unknown).contains("\"status\":404");
        theirsAreUntouched();
    }

    private String call(String method, String route, String endpointId, String deliveryId) {
        String path = route.replace("{e}", endpointId).replace("{d}", deliveryId);
        RequestSpecification request = given().auth().oauth2(token);
        if ("PATCH".equals(method)) {
            request = request.contentType(ContentType.JSON).body(Map.of("active", false));
        }
        return request.when().request(method, path)
                .then().statusCode(404).contentType("application/problem+json")
                .extract().asString();
    }

    private void theirsAreUntouched() {
        given().auth().oauth2(theirToken).get("/v1/webhooks/" + theirEndpoint)
                .then().statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(theirToken).get("/v1/webhooks/" + theirEndpoint + "/deliveries")
                .then().statusCode(200).body("id", contains(theirDelivery));
        assertThat(receiver.received()).hasSize(1);
    }
}
