package com.dravo.webhooks.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
    void isReadyWhenTheDatabaseAnswersAndHoldsEveryMigration() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database migrations"))
                .body("checks.find { it.name == 'Database migrations' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database migrations' }.data.expected_version",
                        equalTo("1"));
    }
}
