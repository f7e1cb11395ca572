package com.dravo.webhooks.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The API document served at /q/openapi is the one checked in at docs/openapi.yaml, and it
 * describes every route's security and problem answers. The snapshot is refreshed with
 * {@code ./mvnw -B test -Dtest=OpenApiSnapshotTests -Dopenapi.refresh=true}.
 */
@QuarkusTest
class OpenApiSnapshotTests {

    private static final Path SNAPSHOT = Path.of("docs", "openapi.yaml");

    private static final String REFRESH = "/q/openapi differs from " + SNAPSHOT + "; if the"
            + " change is meant, refresh it with"
            + " ./mvnw -B test -Dtest=OpenApiSnapshotTests -Dopenapi.refresh=true"
            + " and commit the file";

    @Test
    void servedDocumentIsTheCheckedInSnapshot() throws IOException {
        String served = served();

        if (Boolean.getBoolean("openapi.refresh")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
        }

        assertThat(SNAPSHOT).as(REFRESH).exists();
        assertThat(served).as(REFRESH)
                .isEqualTo(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    }

    @Test
    void everyRouteNeedsATokenAndAnswersErrorsAsProblems() throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(served());
        List<String> operations = new ArrayList<>();

        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                operations.add(name);
                String token = path.getKey().startsWith("/v1/events")
                        ? "service_token" : "dashboard_token";
                assertThat(operation.getValue().at("/security/0/" + token).isArray())
                        .as(name + " names the " + token).isTrue();
                assertThat(operation.getValue().at("/responses/401").isMissingNode())
                        .as(name + " documents 401").isFalse();
            }
        }

        assertThat(operations).contains("get /v1/webhooks", "post /v1/webhooks",
                "post /v1/webhooks/{id}/test");
        assertThat(document.at("/components/securitySchemes/dashboard_token/scheme").asText())
                .isEqualTo("bearer");
        document.at("/components/responses").forEach(response ->
                assertThat(response.at("/content").fieldNames().next())
                        .isEqualTo(Problem.MEDIA_TYPE));
    }

    private static String served() {
        return given().accept("application/yaml")
                .when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
    }
}
