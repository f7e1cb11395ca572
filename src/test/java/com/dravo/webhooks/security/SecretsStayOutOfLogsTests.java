package com.dravo.webhooks.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Everything logged during a full run of the API holds no secret, token or payload. */
@QuarkusTest
class SecretsStayOutOfLogsTests {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logged.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @BeforeEach
    void captureEveryLevel() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        receiver.close();
    }

    @Test
    void noSecretTokenOrPayloadIsLogged() {
        String token = Tokens.dashboard("log-owner");
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/h"), "events", List.of("post.published")))
                .post("/v1/webhooks").then().statusCode(201).extract().path("id");
        String secret = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/h2"), "events", List.of("post.failed")))
                .post("/v1/webhooks").then().statusCode(201).extract().path("signing_secret");
        given().auth().oauth2(token).post("/v1/webhooks/" + id + "/test")
                .then().statusCode(200);
        receiver.answering(500);
        given().auth().oauth2(token).post("/v1/webhooks/" + id + "/test")
                .then().statusCode(200);
        String expired = Tokens.expired("log-owner");
        given().auth().oauth2(expired).get("/v1/webhooks").then().statusCode(401);
        given().auth().oauth2(Tokens.algNone("log-owner")).get("/v1/webhooks")
                .then().statusCode(401);

        String body = new String(receiver.received().get(0).body(), StandardCharsets.UTF_8);
        String all = String.join("\n", logged);

        assertThat(logged).isNotEmpty();
        assertThat(all).contains(id);
        assertThat(all).doesNotContain(secret, secret.substring(6), "whsec_");
        for (String jwt : List.of(token, expired)) {
            for (String part : jwt.split("\\.")) {
                assertThat(all).doesNotContain(part);
            }
        }
        assertThat(all).doesNotContain(body, "Bearer", "spring collection", "post_sample");
    }
}
