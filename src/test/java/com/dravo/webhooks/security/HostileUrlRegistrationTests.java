package com.dravo.webhooks.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Registration under the production policy refuses every internal address, however it is
 * written, and names resolved (by the test resolver) to one.
 */
@QuarkusTest
@TestProfile(StrictAddressPolicyProfile.class)
class HostileUrlRegistrationTests {

    private final String token = Tokens.dashboard("hostile-owner");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://127.0.0.1/hook",
        "https://127.1/hook",
        "https://0x7f.1/hook",
        "https://0177.0.0.1/hook",
        "https://2130706433/hook",
        "https://0x7f000001/hook",
        "https://127.000.000.001/hook",
        "https://0/hook",
        "https://0.0.0.0/hook",
        "https://10.1/hook",
        "https://10.0.0.1:8443/hook",
        "https://012.0.0.1/hook",
        "https://172.16.0.1/hook",
        "https://192.168.1.1/hook",
        "https://192.168.257/hook",
        "https://100.64.0.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://0xa9fea9fe/hook",
        "https://2852039166/hook",
        "https://100.100.100.200/hook",
        "https://198.18.0.1/hook",
        "https://203.0.113.9/hook",
        "https://224.0.0.1/hook",
        "https://255.255.255.255/hook",
        "https://[::1]/hook",
        "https://[::]/hook",
        "https://[0:0:0:0:0:0:0:1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:7f00:1]/hook",
        "https://[::ffff:a9fe:a9fe]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://[2002:a9fe:a9fe::]/hook",
        "https://[fe80::1]/hook",
        "https://[fc00::1]/hook",
        "https://[fd00:ec2::254]/hook",
        "https://[ff02::1]/hook",
        "https://[2001:db8::1]/hook",
        "https://localhost/hook",
        "https://LOCALHOST./hook",
        "https://private.example.net/hook",
        "https://metadata.example.net/hook",
        "https://mixed.example.net/hook",
        "https://loopback6.example.net/hook",
    })
    void refusesAnInternalAddressInAnyNotation(String url) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("post.published")))
                .when().post("/v1/webhooks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", oneOf("address_not_allowed", "invalid_url"))
                .body("errors[0].field", equalTo("url"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "https://[fe80::1%25eth0]/hook",
        "https://1.2.3.4.5/hook",
        "https://0x100000000/hook",
    })
    void refusesAnAddressNotationThatIsNotValid(String url) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("post.published")))
                .when().post("/v1/webhooks")
                .then().statusCode(400).body("code", equalTo("invalid_url"));
    }

    @Test
    void refusesPlainHttpWhenNotAllowed() {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://example.com/hook", "events", List.of("post.queued")))
                .when().post("/v1/webhooks")
                .then().statusCode(400).body("detail", equalTo("url must use https"));
    }

    @Test
    void acceptsPublicAddressesAndNamesThatResolveToThem() {
        for (String url : List.of("https://example.com/hook", "https://93.184.215.14/hook",
                "https://hooks.example.net/hook", "https://[2606:4700:4700::1111]/hook")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "events", List.of("post.queued")))
                    .when().post("/v1/webhooks")
                    .then().statusCode(201);
        }
    }
}
