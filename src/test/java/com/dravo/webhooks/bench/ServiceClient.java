package com.dravo.webhooks.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.dravo.webhooks.replicas.HandSignedTokens;
import com.dravo.webhooks.replicas.Replica;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the benchmark asks of the running service, as a dashboard would over HTTP. */
final class ServiceClient {

    /** A registered endpoint and its signing secret, shown only at registration. */
    record Registered(String id, String path, String signingSecret) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Replica service;
    private final HandSignedTokens tokens;
    /** One token an owner: signing a fresh one would add RSA time to every measured call. */
    private final Map<String, String> tokenOf = new ConcurrentHashMap<>();

    ServiceClient(HttpClient client, Replica service, HandSignedTokens tokens) {
        this.client = client;
        this.service = service;
        this.tokens = tokens;
    }

    Registered register(String owner, VerifyingReceiver receiver, String path)
            throws IOException, InterruptedException {
        String body = "{\"url\":\"" + receiver.url(path) + "\",\"events\":[\"post.published\"]}";
        JsonNode created = send(owner, "/v1/webhooks", body, 201);
        return new Registered(created.get("id").asText(), path,
                created.get("signing_secret").asText());
    }

    /** How many endpoints the owner's list shows. */
    int listed(String owner) throws IOException, InterruptedException {
        return send(owner, "/v1/webhooks", null, 200).size();
    }

    /** One test send; answers whether the receiver took it. */
    boolean testSend(String owner, String endpointId) throws IOException, InterruptedException {
        return send(owner, "/v1/webhooks/" + endpointId + "/test", "", 200)
                .get("succeeded").asBoolean();
    }

    /** A POST of this body straight to the receiver, as the limit of a test send. */
    void postTo(URI receiver, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(receiver)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IOException("the receiver answered " + status);
        }
    }

    String token(String owner) {
        return tokenOf.computeIfAbsent(owner, tokens::dashboard);
    }

    /**
     * Sends with the owner's dashboard token a body (null: a GET; empty: a POST without one);
     * fails on any other status than the expected one.
     */
    private JsonNode send(String owner, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(owner));
        if (body != null && body.isEmpty()) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else if (body != null) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        }

        HttpResponse<String> response = client.send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(path + " answered " + response.statusCode() + ", not "
                    + expected);
        }
        return JSON.readTree(response.body());
    }
}
