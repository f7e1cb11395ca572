package com.dravo.webhooks.endpoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.dravo.webhooks.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class EndpointResourceTests {

    private final String owner = "owner-" + UUID.randomUUID();
    private final String token = Tokens.dashboard(owner);

    @Test
    void registersAnEndpointAndShowsItsSecretOnce() {
        Response created = register(Map.of("url", "https://example.com/hooks",
                "events", List.of("post.published", "post.failed")));

        created.then().statusCode(201)
                .header("Location", startsWith("/v1/webhooks/wh_"))
                .body("id", startsWith("wh_"))
                .body("url", equalTo("https://example.com/hooks"))
                .body("events", contains("post.published", "post.failed"))
                .body("active", equalTo(true))
                .body("signing_secret", startsWith("whsec_"));
        String secret = created.path("signing_secret");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(created.header("Location")).endsWith((String) created.path("id"));

        given().auth().oauth2(token).when().get("/v1/webhooks")
                .then().statusCode(200)
                .body("[0].id", equalTo(created.path("id")))
                .body("[0]", not(hasKey("signing_secret")));
    }

    @Test
    void storesSchemeAndHostInLowerCaseAndKeepsThePath() {
        register(Map.of("url", "HTTPS://Example.COM/Hook?Src=Dravo", "events",
                List.of("post.queued")))
                .then().statusCode(201)
                .body("url", equalTo("https://example.com/Hook?Src=Dravo"));
    }

    @Test
    void collapsesDuplicateEvents() {
        register(Map.of("url", "https://example.com/h", "events",
                List.of("post.queued", "post.queued", "connection.revoked", "post.queued")))
                .then().statusCode(201)
                .body("events", contains("post.queued", "connection.revoked"));
    }

    @Test
    void listsOnlyTheCallersEndpointsOldestFirst() {
        String first = register(endpoint("https://example.com/1")).path("id");
        String second = register(endpoint("https://example.com/2")).path("id");
        given().auth().oauth2(Tokens.dashboard("someone-else")).contentType(ContentType.JSON)
                .body(endpoint("https://example.com/theirs")).post("/v1/webhooks")
                .then().statusCode(201);

        given().auth().oauth2(token).when().get("/v1/webhooks")
                .then().statusCode(200)
                .body("id", contains(first, second))
                .header("Link", nullValue());
    }

    @Test
    void pagesWithLimitStartingAfterAndALinkToTheNextPage() {
        String first = register(endpoint("https://example.com/1")).path("id");
        String second = register(endpoint("https://example.com/2")).path("id");
        String third = register(endpoint("https://example.com/3")).path("id");

        Response page = given().auth().oauth2(token).queryParam("limit", 2)
                .when().get("/v1/webhooks");
        page.then().statusCode(200).body("id", contains(first, second))
                .header("Link", equalTo("</v1/webhooks?limit=2&starting_after=" + second
                        + ">; rel=\"next\""));

        given().auth().oauth2(token).queryParam("limit", 2).queryParam("starting_after", second)
                .when().get("/v1/webhooks")
                .then().statusCode(200).body("id", contains(third)).header("Link", nullValue());
    }

    @ParameterizedTest(name = "limit={0}")
    @CsvSource({ "0", "101", "-1", "abc", "1.5" })
    void refusesALimitOutsideOneToHundred(String limit) {
        given().auth().oauth2(token).queryParam("limit", limit)
                .when().get("/v1/webhooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_limit"))
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void refusesACursorThatIsNotTheCallersEndpoint() {
        String theirs = given().auth().oauth2(Tokens.dashboard("cursor-other"))
                .contentType(ContentType.JSON).body(endpoint("https://example.com/x"))
                .post("/v1/webhooks").path("id");

        given().auth().oauth2(token).queryParam("starting_after", theirs)
                .when().get("/v1/webhooks")
                .then().statusCode(400).body("code", equalTo("invalid_cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ftp://example.com/hook | url must use https",
        "//example.com/hook | absolute URL",
        "/relative | absolute URL",
        "example.com/hook | absolute URL",
        "https://user:pw@example.com/hook | user info",
        "https://@example.com/hook | user info",
        "https://example.com/hook#frag | fragment",
        "https://example.com\\@evil.example/ | backslash",
        "https://example.com:0/hook | port",
        "https://example.com:65536/hook | port",
        "https://example.com:99999999/hook | port",
        "https://example.com:/hook | port",
        "https://exa mple.com/hook | spaces",
        "https://exa_mple.com/hook | not a valid DNS name",
        "https://-bad.example.com/hook | not a valid DNS name",
        "https:///hook | absolute URL",
        "https://[::1/hook | URL",
        "https://256.1.1.1/hook | not a valid DNS name or IP address",
        "https://::1:9000/hook | brackets",
    })
    void refusesAMalformedUrlNamingTheRule(String url, String message) {
        register(Map.of("url", url, "events", List.of("post.published")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_url"))
                .body("errors[0].field", equalTo("url"))
                .body("detail", containsString(message));
    }

    @Test
    void refusesAUrlLongerThan2048Characters() {
        String url = "https://example.com/" + "a".repeat(2048);

        register(Map.of("url", url, "events", List.of("post.published")))
                .then().statusCode(400).body("detail", containsString("2048"));
    }

    @Test
    void refusesAMissingUrl() {
        register(Map.of("events", List.of("post.published")))
                .then().statusCode(400).body("code", equalTo("invalid_url"))
                .body("detail", equalTo("url is required"));
    }

    @Test
    void refusesAHostThatDoesNotResolve() {
        register(endpoint("https://no-such-host.example.org/hook"))
                .then().statusCode(400).body("code", equalTo("address_not_allowed"))
                .body("detail", containsString("does not resolve"));
    }

    @Test
    void refusesUnknownEventsNamingTheAllowedOnes() {
        register(Map.of("url", "https://example.com/h",
                "events", List.of("post.published", "post.deleted")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid_events"))
                .body("detail", equalTo("events must name at least one of: post.published, "
                        + "post.failed, post.queued, connection.revoked"))
                .body("errors[0].field", equalTo("events[1]"))
                .body("errors[0].message", equalTo("unknown event type: post.deleted"));
    }

    @Test
    void refusesMissingOrEmptyEvents() {
        register(Map.of("url", "https://example.com/h"))
                .then().statusCode(400).body("code", equalTo("invalid_events"));
        register(Map.of("url", "https://example.com/h", "events", List.of()))
                .then().statusCode(400).body("code", equalTo("invalid_events"));
    }

    @Test
    void refusesEventsOfTheWrongJsonType() {
        registerRaw("{\"url\":\"https://example.com/h\",\"events\":\"post.published\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events"));
        registerRaw("{\"url\":\"https://example.com/h\",\"events\":[{\"a\":1}]}")
                .then().statusCode(400).body("errors[0].field", startsWith("events"));
    }

    @Test
    void refusesAnUnknownFieldNamingIt() {
        registerRaw("{\"url\":\"https://example.com/h\",\"events\":[\"post.queued\"],"
                + "\"secret\":\"mine\"}")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("unknown_field"))
                .body("errors[0].field", equalTo("secret"));
    }

    @Test
    void storesAnIpLiteralInItsCanonicalForm() {
        register(Map.of("url", "http://0x7f.1:8080/h", "events", List.of("post.queued")))
                .then().statusCode(201).body("url", equalTo("http://127.0.0.1:8080/h"));
        register(Map.of("url", "http://[0:0:0:0:0:0:0:1]:8080/h", "events",
                List.of("post.queued")))
                .then().statusCode(201).body("url", equalTo("http://[::1]:8080/h"));
    }

    @Test
    void refusesJsonThatALenientParserWouldAccept() {
        registerRaw("{\"url\":\"https://example.com/h\",\"events\":[\"post.queued\"]} xyz")
                .then().statusCode(400).contentType("application/problem+json");
        registerRaw("{\"url\":\"https://example.com/a\",\"url\":\"https://example.com/b\","
                + "\"events\":[\"post.queued\"]}")
                .then().statusCode(400).contentType("application/problem+json");
        registerRaw("{\"url\":5,\"events\":[\"post.queued\"]}")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        registerRaw("[]")
                .then().statusCode(400).body("detail", equalTo("the body must be a JSON object"));
    }

    @Test
    void treatsIdsWithBytesTheDatabaseRefusesAsUnknown() {
        given().auth().oauth2(token).queryParam("starting_after", "wh_\u0000")
                .when().get("/v1/webhooks")
                .then().statusCode(400).body("code", equalTo("invalid_cursor"));
        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().post("/v1/webhooks/wh_%00/test")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body("{\"active\":false}")
                .when().patch("/v1/webhooks/wh_%00")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().delete("/v1/webhooks/wh_%00")
                .then().statusCode(404).contentType("application/problem+json");
        String id = register(Map.of("url", "https://example.com/h", "events",
                List.of("post.queued"))).path("id");
        given().auth().oauth2(token).urlEncodingEnabled(false)
                .when().get("/v1/webhooks/" + id + "/deliveries/del_%00")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refusesMalformedJson() {
        registerRaw("{\"url\": \"https://example.com/h\", ")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed_json"));
    }

    @Test
    void refusesAnEmptyBody() {
        registerRaw("")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesAWrongContentType() {
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("url=x")
                .when().post("/v1/webhooks")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void answersNoStackTraceOrClassNameInAnyProblem() {
        String body = registerRaw("{\"url\": [1, 2], \"events\": 5}")
                .then().statusCode(400).extract().asString();

        assertThat(body).doesNotContain("com.dravo", "Exception", "at ", "jackson");
    }

    private Response register(Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/v1/webhooks");
    }

    private Response registerRaw(String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .when().post("/v1/webhooks");
    }

    private static Map<String, ?> endpoint(String url) {
        return Map.of("url", url, "events", List.of("post.published"));
    }
}
