package com.dravo.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.TestHostResolver;
import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Receivers that try to cost the service time, memory or a trip past the address policy. */
@QuarkusTest
class HostileReceiverTests {

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void stopsReadingAnEndlessBodyAtTheByteLimit() {
        receiver.streamingEndlessly();
        String id = register(receiver.url("/h")).path("id");

        sendTest(id).then().statusCode(200)
                .body("status_code", equalTo(200))
                .body("duration_ms", lessThan(2000));

        // 64 KiB are read; what the socket buffers held beyond that is all the receiver got
        // out before the service hung up.
        assertThat(receiver.bytesSent()).isLessThan(16L << 20);
    }

    @Test
    void givesUpOnABodyTrickledAByteASecond() {
        receiver.trickling();
        String id = register(receiver.url("/h")).path("id");

        sendTest(id).then().statusCode(200)
                .body("succeeded", equalTo(false))
                .body("error", equalTo("timed out after 2 s"))
                .body("duration_ms", lessThan(4000));
    }

    @Test
    void doesNotFollowARedirectToAMetadataAddress() {
        receiver.redirectingTo("http://169.254.169.254/latest/meta-data/");
        String id = register(receiver.url("/h")).path("id");

        sendTest(id).then().statusCode(200)
                .body("succeeded", equalTo(false))
                .body("error", equalTo("redirect not followed (HTTP 302)"));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void doesNotFollowARedirectChainBackToItself() {
        receiver.redirectingTo(receiver.url("/h"));
        String id = register(receiver.url("/h")).path("id");

        sendTest(id).then().statusCode(200).body("succeeded", equalTo(false));
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void connectsToTheCheckedAddressAndSendsTheNameAsHost() {
        try (LoopbackReceiver pinnedReceiver = new LoopbackReceiver("127.0.0.2")) {
            TestHostResolver.answer("pinned.example.net", "127.0.0.2");
            String url = "http://pinned.example.net:" + pinnedReceiver.port() + "/h";
            String id = register(url).path("id");
            int lookupsBefore = TestHostResolver.lookups("pinned.example.net");

            sendTest(id).then().statusCode(200).body("succeeded", equalTo(true));

            assertThat(TestHostResolver.lookups("pinned.example.net"))
                    .isEqualTo(lookupsBefore + 1);
            assertThat(pinnedReceiver.received()).hasSize(1);
            assertThat(pinnedReceiver.received().get(0).header("host"))
                    .isEqualTo("pinned.example.net:" + pinnedReceiver.port());
        }
    }

    @Test
    void checksTheAddressAgainAtDeliveryAndRefusesANameRebound() {
        TestHostResolver.answer("rebind.example.net", "127.0.0.1");
        String url = "http://rebind.example.net:" + receiver.port() + "/h";
        String id = register(url).path("id");
        TestHostResolver.answer("rebind.example.net", "127.0.0.1", "10.0.0.9");

        sendTest(id).then().statusCode(200)
                .body("succeeded", equalTo(false))
                .body("status_code", nullValue())
                .body("error", equalTo("address not allowed"));
        assertThat(receiver.received()).isEmpty();
    }

    private Response register(String url) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("post.published")))
                .when().post("/v1/webhooks")
                .then().statusCode(201).extract().response();
    }

    private Response sendTest(String endpointId) {
        return given().auth().oauth2(token).when().post("/v1/webhooks/" + endpointId + "/test");
    }
}
