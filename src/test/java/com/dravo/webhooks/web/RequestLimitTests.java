package com.dravo.webhooks.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
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
    void refusesAChunkedBodyOver64KiBWith413Problem() throws Exception {
        String body = "{\"url\":\"https://example.com/" + "a".repeat(70 * 1024)
                + "\",\"events\":[\"post.queued\"]}";

        String answer = sendChunked("POST", "/v1/webhooks", body);

        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("\"code\":\"body_too_large\"");
    }

    @Test
    void acceptsAChunkedBodyUnderTheLimit() throws Exception {
        String body = "{\"url\":\"https://example.com/chunked\",\"events\":[\"post.queued\"]}";

        String answer = sendChunked("POST", "/v1/webhooks", body);

        assertThat(answer).startsWith("HTTP/1.1 201").contains("https://example.com/chunked");
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

    /** A request whose body declares no length: sent in 8 KiB chunks, as streaming clients do. */
    private String sendChunked(String method, String path, String body) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            for (int start = 0; start < bytes.length; start += 8192) {
                int length = Math.min(8192, bytes.length - start);
                out.write((Integer.toHexString(length) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, start, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
