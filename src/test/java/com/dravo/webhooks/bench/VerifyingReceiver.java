package com.dravo.webhooks.bench;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.svix.Webhook;
import com.svix.exceptions.WebhookVerificationException;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The benchmark's receiver on 127.0.0.1. It runs on Vert.x, like the service, so that wrk
 * against its plain 200 is a fair HTTP limit of this machine (the JDK server of the replicas'
 * CountingReceiver tops out far lower). A POST to an endpoint's path is verified with Svix's
 * library against that endpoint's secret and counted per (webhook-id, path) with the time it
 * first arrived; a dead path answers 500; {@code /plain} answers 200 unchecked.
 */
final class VerifyingReceiver implements AutoCloseable {

    static final String PLAIN = "/plain";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final Map<String, Webhook> verifiers = new ConcurrentHashMap<>();
    private final Set<String> deadPaths = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder unverified = new LongAdder();
    private final LongAdder refused = new LongAdder();

    VerifyingReceiver() throws Exception {
        server = vertx.createHttpServer()
                .requestHandler(this::handle)
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Deliveries to this path are checked against this signing secret. */
    void expect(String path, String signingSecret) throws Exception {
        verifiers.put(path, new Webhook(signingSecret));
    }

    /** Deliveries to this path are answered 500, as by a receiver that is down. */
    void failOn(String path) {
        deadPaths.add(path);
    }

    /** When the event first arrived on the path, in System.nanoTime; null if it never did. */
    Long arrivedAt(String eventId, String path) {
        return firstArrival.get(eventId + " " + path);
    }

    long duplicates() {
        return duplicates.sum();
    }

    /** Requests whose signature did not verify, or that came to a path nobody registered. */
    long unverified() {
        return unverified.sum();
    }

    /** Requests answered 500 on dead paths. */
    long refused() {
        return refused.sum();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(failure -> null).join();
    }

    private void handle(HttpServerRequest request) {
        if (!"POST".equals(request.method().name())) {
            request.response().end("ok");
            return;
        }
        request.body().onSuccess(body -> answerDelivery(request, body));
    }

    private void answerDelivery(HttpServerRequest request, Buffer body) {
        long arrived = System.nanoTime();
        String path = request.path();
        if (PLAIN.equals(path)) {
            request.response().end("ok");
            return;
        }
        if (deadPaths.contains(path)) {
            refused.increment();
            request.response().setStatusCode(500).end("down");
            return;
        }

        if (!verified(path, request, body)) {
            unverified.increment();
            request.response().setStatusCode(400).end("unverified");
            return;
        }
        String key = request.getHeader("webhook-id") + " " + path;
        if (firstArrival.putIfAbsent(key, arrived) != null) {
            duplicates.increment();
        }
        request.response().end("ok");
    }

    private boolean verified(String path, HttpServerRequest request, Buffer body) {
        Webhook verifier = verifiers.get(path);
        if (verifier == null) {
            return false;
        }
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
            String value = request.getHeader(name);
            if (value == null) {
                return false;
            }
            headers.put(name, List.of(value));
        }
        try {
            verifier.verify(body.toString(StandardCharsets.UTF_8), headers);
            return true;
        } catch (WebhookVerificationException forged) {
            return false;
        }
    }
}
