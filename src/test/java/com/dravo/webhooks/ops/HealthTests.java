package com.dravo.webhooks.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The probes Kubernetes calls, against the test database with its migrations applied. */
@QuarkusTest
class HealthTests {

    @Test
    void isLiveWithoutAToken() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void isReadyWhenTheDatabaseAnswersAndHoldsEveryMigration() throws IOException {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database migrations"))
                .body("checks.find { it.name == 'Database migrations' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database migrations' }.data.expected_version",
                        equalTo(newestMigration()));
    }

    /** The version of the newest migration file this build ships. */
    private static String newestMigration() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return Integer.toString(files
                    .map(file -> file.getFileName().toString())
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max()
                    .orElseThrow());
        }
    }
}
