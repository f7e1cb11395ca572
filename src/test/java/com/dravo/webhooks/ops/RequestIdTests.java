package com.dravo.webhooks.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Every API answer names its request id: the caller's when it is plain, else a new one. */
@QuarkusTest
class RequestIdTests {

    private final String token = Tokens.dashboard("owner-request-ids");

    @Test
    void echoesAPlainRequestIdFromTheCaller() {
        given().auth().oauth2(token).header("X-Request-Id", "req-42.a_b")
                .when().get("/v1/webhooks")
                .then().statusCode(200)
                .header("X-Request-Id", equalTo("req-42.a_b"));
    }

    @Test
    void replacesARequestIdThatIsNotAPlainToken() {
        given().auth().oauth2(token).header("X-Request-Id", "{\"level\":\"forged\"}")
                .when().get("/v1/webhooks")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void namesTheRequestOnErrorsToo() {
        given().when().get("/v1/webhooks")
                .then().statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
