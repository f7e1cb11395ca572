package com.dravo.webhooks.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Readiness follows the database: down while it is unreachable, up again once it is back. */
@QuarkusTest
@TestProfile(SecondDatabaseProfile.class)
class DatabaseOutageTests {

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBackWithIt() {
        awaitReadiness(200);

        SecondDatabase.stop();
        try {
            awaitReadiness(503);
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            SecondDatabase.start();
        }

        awaitReadiness(200);
    }

    /** Polls for up to 30 s: the pool notices a lost or returned server on its next use. */
    private static void awaitReadiness(int status) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        int seen = given().when().get("/q/health/ready").statusCode();
        while (seen != status && System.nanoTime() < deadline) {
            pause();
            seen = given().when().get("/q/health/ready").statusCode();
        }

        assertThat(seen).as("readiness status").isEqualTo(status);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
