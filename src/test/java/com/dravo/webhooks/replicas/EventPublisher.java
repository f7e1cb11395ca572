package com.dravo.webhooks.replicas;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes events the way another Dravo service would: round-robin over the replicas from a
 * bounded pool, each with an Idempotency-Key, so that a publish cut off by a dying replica is
 * retried on the next one without becoming a second event.
 */
public final class EventPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final List<Replica> replicas;
    private final String token;
    private final String owner;

    /** An accepted event, and when its publish was sent and answered, in System.nanoTime. */
    public record Published(String eventId, long sentNanos, long acceptedNanos) {
    }

    public EventPublisher(HttpClient client, List<Replica> replicas, String token, String owner) {
        this.client = client;
        this.replicas = List.copyOf(replicas);
        this.token = token;
        this.owner = owner;
    }

    /** Publishes {@code count} post.published events; answers their ids in order. */
    public List<String> publish(String batch, int count, int threads)
            throws InterruptedException, ExecutionException {
        return publishTimed(batch, count, threads).stream().map(Published::eventId).toList();
    }

    /** Publishes like {@link #publish}, and answers when each event was sent and accepted. */
    public List<Published> publishTimed(String batch, int count, int threads)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Published>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> publishOne(batch, n)));
            }

            List<Published> published = new ArrayList<>();
            for (Future<Published> event : futures) {
                published.add(event.get());
            }
            return published;
        } finally {
            pool.shutdownNow();
        }
    }

    private Published publishOne(String batch, int n)
            throws IOException, InterruptedException {
        long sent = System.nanoTime();
        String body = "{\"type\":\"post.published\",\"owner\":\"" + owner + "\","
                + "\"data\":{\"batch\":\"" + batch + "\",\"n\":" + n + "}}";
        IOException lastFailure = null;

        for (int turn = 0; turn < replicas.size(); turn++) {
            Replica replica = replicas.get((n + turn) % replicas.size());
            try {
                HttpResponse<String> response = client.send(request(replica, batch, n, body),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    String eventId = JSON.readTree(response.body()).get("id").asText();
                    return new Published(eventId, sent, System.nanoTime());
                }
                lastFailure = new IOException("replica " + replica.number() + " answered "
                        + response.statusCode() + ": " + response.body());
            } catch (IOException e) {
                lastFailure = e;
            }
        }
        throw new IOException("no replica accepted event " + batch + "-" + n, lastFailure);
    }

    private HttpRequest request(Replica replica, String batch, int n, String body) {
        return HttpRequest.newBuilder(replica.uri("/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", batch + "-" + n)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
