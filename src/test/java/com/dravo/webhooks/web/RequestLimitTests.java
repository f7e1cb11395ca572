package com.dravo.webhooks.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Requests the API cannot take still get a problem body, never a 500. */
@QuarkusTest
class RequestLimitTests {

    @TestHTTPResource("/")
    URI base;

    private final String token = Tokens.dashboard("limits-owner");

    @Test
    void refusesABodyOver64KiBWith413Problem() {
        String url = "https://example.com/" + "a".repeat(70 * 1024);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"events\":[\"post.queued\"]}")
                .when().post("/v1/webhooks")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("code", equalTo("body_too_large"));
    }

    @Test
    void answersABrokenHostHeaderWithAProblemAndNoInternals() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET /v1/webhooks HTTP/1.1\r\nHost: [::1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 4").contains("application/problem+json")
                    .doesNotContain("Exception", "Stack", "io.vertx");
        }
    }

    @Test
    void answersAnUnknownRouteWith404Problem() {
        given().auth().oauth2(token).when().get("/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void answersAWrongMethodWith405Problem() {
        given().auth().oauth2(token).when().put("/v1/webhooks")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void answersATestSendWithATextBodyWith415Problem() {
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("post.failed")
                .when().post("/v1/webhooks/wh_x/test")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void answersATestSendWithAGarbledContentTypeWith415Problem() {
        given().auth().oauth2(token).header("Content-Type", "///").body("{}".getBytes())
                .when().post("/v1/webhooks/wh_x/test")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
