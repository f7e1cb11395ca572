package com.dravo.webhooks.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** Every way a dashboard token can be wrong ends in the same 401 problem. */
@QuarkusTest
class DashboardTokenTests {

    static Stream<Arguments> badTokens() {
        return Stream.of(
                bad("garbage", owner -> "not-a-jwt"),
                bad("three garbage parts", owner -> "aaa.bbb.ccc"),
                bad("expired", Tokens::expired),
                bad("not yet valid", Tokens::notYetValid),
                bad("wrong issuer", Tokens::wrongIssuer),
                bad("wrong audience", Tokens::wrongAudience),
                bad("signed with another key", Tokens::signedWithOtherKey),
                bad("alg none", Tokens::algNone),
                bad("HS256 keyed with the public key", Tokens::hs256WithPublicKey),
                bad("no exp claim", Tokens::withoutExpiry),
                bad("unknown crit header", Tokens::unknownCritical));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void refusesBadTokenWith401Problem(String why, Function<String, String> token) {
        given().auth().oauth2(token.apply("token-owner"))
                .when().get("/v1/webhooks")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void refusesRequestWithoutToken() {
        given().when().get("/v1/webhooks")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json")
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void refusesTokenWithoutTheOwnerClaim() {
        given().auth().oauth2(io.smallrye.jwt.build.Jwt.claims().claim("name", "x").sign())
                .when().get("/v1/webhooks")
                .then().statusCode(401)
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void refusesAnOwnerClaimWithControlCharacters() {
        given().auth().oauth2(Tokens.dashboard("alice\u0000"))
                .when().get("/v1/webhooks")
                .then().statusCode(401).body("code", equalTo("unauthenticated"));
    }

    @Test
    void allowsThirtySecondsOfClockSkewAndNoMore() {
        java.time.Instant now = java.time.Instant.now();
        String justExpired = io.smallrye.jwt.build.Jwt.claims().subject("skew-owner")
                .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(10)).sign();
        String longExpired = io.smallrye.jwt.build.Jwt.claims().subject("skew-owner")
                .issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(60)).sign();

        given().auth().oauth2(justExpired).when().get("/v1/webhooks").then().statusCode(200);
        given().auth().oauth2(longExpired).when().get("/v1/webhooks").then().statusCode(401);
    }

    @Test
    void acceptsAValidToken() {
        given().auth().oauth2(Tokens.dashboard("token-owner"))
                .when().get("/v1/webhooks")
                .then().statusCode(200);
    }

    private static Arguments bad(String why, Function<String, String> token) {
        return Arguments.of(why, token);
    }
}
