package com.dravo.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.dravo.webhooks.support.LoopbackReceiver;
import com.dravo.webhooks.support.Rows;
import com.dravo.webhooks.support.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** What the database holds after a registration and a test send, read back with SQL. */
@QuarkusTest
class DeliveryRecordTests {

    @Inject
    AgroalDataSource database;

    private final String token = Tokens.dashboard("owner-" + UUID.randomUUID());
    private final LoopbackReceiver receiver = new LoopbackReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theStoredEndpointRowHoldsTheSecretInNoEncoding() throws SQLException {
        Response created = register();
        String secret = created.path("signing_secret");

        List<String> row = rowAsText("select * from endpoint where id = ?", created.path("id"));

        assertThat(row).isNotEmpty();
        assertHoldsNoEncodingOf(row, secret);
    }

    @Test
    void aRotatedEndpointRowHoldsNeitherSecretInAnyEncoding() throws SQLException {
        Response created = register();
        String rotated = given().auth().oauth2(token)
                .post("/v1/webhooks/" + created.path("id") + "/rotate-secret")
                .then().statusCode(200).extract().path("signing_secret");

        List<String> row = rowAsText("select * from endpoint where id = ?", created.path("id"));

        assertThat(row).isNotEmpty();
        assertHoldsNoEncodingOf(row, created.path("signing_secret"));
        assertHoldsNoEncodingOf(row, rotated);
    }

    @Test
    void aTestSendIsRecordedAsADeliveryWithItsAttempt() throws SQLException {
        String endpointId = register().path("id");

        Response result = given().auth().oauth2(token)
                .when().post("/v1/webhooks/" + endpointId + "/test");

        String deliveryId = result.path("id");
        List<String> delivery = rowAsText("select status, attempts, last_status_code, "
                + "endpoint_id, event_id from delivery where id = ?", deliveryId);
        assertThat(delivery).containsExactly("SUCCEEDED", "1", "200", endpointId,
                result.path("event_id"));
        List<String> attempt = rowAsText("select status_code, error, response_body "
                + "from attempt where delivery_id = ?", deliveryId);
        assertThat(attempt).containsExactly("200", null, "ok");
        List<String> event = rowAsText("select type, test from event where id = ?",
                result.path("event_id"));
        assertThat(event).containsExactly("post.published", "t");
        String sentBody = new String(receiver.received().get(0).body(), StandardCharsets.UTF_8);
        assertThat(rowAsText("select body from event where id = ?", result.path("event_id")))
                .containsExactly(sentBody);
    }

    /** Null columns (a secret not rotated yet, say) hold nothing to find. */
    private static void assertHoldsNoEncodingOf(List<String> row, String secret) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        List<String> encodings = List.of(secret, secret.substring(6),
                HexFormat.of().formatHex(key),
                HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
        for (String column : row.stream().filter(java.util.Objects::nonNull).toList()) {
            for (String encoding : encodings) {
                assertThat(column == null ? "" : column).doesNotContainIgnoringCase(encoding);
            }
        }
    }

    private Response register() {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/h"), "events", List.of("post.published")))
                .when().post("/v1/webhooks")
                .then().statusCode(201).extract().response();
    }

    private List<String> rowAsText(String sql, String id) throws SQLException {
        return Rows.first(database, sql, id);
    }
}
