package com.dravo.webhooks.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Browsers get CORS answers for the configured dashboard origin and no other. */
@QuarkusTest
class CorsTests {

    private static final String DASHBOARD = "https://dashboard.dravo.test";

    @Test
    void answersAPreflightFromTheConfiguredOrigin() {
        given().header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options("/v1/webhooks")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DASHBOARD))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Methods", containsString("POST"));
    }

    @Test
    void exposesLocationAndLinkToTheConfiguredOrigin() {
        given().header("Origin", DASHBOARD)
                .when().get("/v1/webhooks")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", equalTo(DASHBOARD))
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Link"));
    }

    @Test
    void refusesAPreflightFromAnotherOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when().options("/v1/webhooks")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
