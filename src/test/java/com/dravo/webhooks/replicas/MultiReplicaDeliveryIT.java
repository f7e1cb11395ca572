package com.dravo.webhooks.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 5's proof that replicas share one database safely: three packaged jars deliver to
 * loopback receivers, each delivery exactly once while nothing fails, and nothing lost when
 * one replica is killed mid-delivery (its claims expire and the others retry them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiReplicaDeliveryIT {

    private static final int REPLICA_COUNT = 3;
    private static final int RECEIVER_COUNT = 4;
    /** One endpoint a receiver: on two shared cores, eight took over three minutes a phase. */
    private static final int ENDPOINTS_PER_RECEIVER = 1;
    private static final int EVENTS_PER_PHASE = 5_000;
    private static final int PUBLISH_THREADS = 16;
    /**
     * Deliveries one replica has in flight at most: a dead one cannot duplicate more. The
     * endpoints' slots (4 endpoints x 4 a replica) fill it exactly, so no claim takes more
     * rows than the replica can start.
     */
    private static final int MAX_CONCURRENCY = 16;
    private static final String OWNER = "org_replicas";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Replica> REPLICAS = new ArrayList<>();
    private static final List<CountingReceiver> RECEIVERS = new ArrayList<>();
    private static final List<Hook> HOOKS = new ArrayList<>();

    private static EmbeddedPostgres postgres;
    private static DeliveryRows rows;
    private static HandSignedTokens tokens;
    private static Thread stopReplicasOnExit;

    /** An endpoint of the owner, and where its deliveries arrive. */
    private record Hook(String id, CountingReceiver receiver, String path) {
    }

    /** What the receivers got of a set of events, counted per (event, endpoint) pair. */
    private record Receipts(long expected, long missing, long duplicates, long total) {
    }

    @BeforeAll
    static void startDatabaseReplicasAndReceivers() throws Exception {
        assertThat(Replica.JAR).as("the IT runs on the packaged jar").exists();
        postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
        rows = new DeliveryRows(postgres.getPostgresDatabase());
        tokens = HandSignedTokens.create();

        // A test JVM stopped from outside must not leave replicas behind either.
        stopReplicasOnExit = new Thread(MultiReplicaDeliveryIT::stopReplicas);
        Runtime.getRuntime().addShutdownHook(stopReplicasOnExit);

        // The first replica migrates the database; the others start on a migrated one.
        Path logs = Files.createDirectories(Path.of("target", "replicas"));
        Map<String, String> settings = settings(postgres.getPort());
        for (int number = 1; number <= REPLICA_COUNT; number++) {
            Replica replica = Replica.start(number, settings, logs);
            REPLICAS.add(replica);
            replica.awaitReady(CLIENT, READY_TIMEOUT);
        }

        for (int r = 0; r < RECEIVER_COUNT; r++) {
            CountingReceiver receiver = new CountingReceiver();
            RECEIVERS.add(receiver);
            for (int e = 0; e < ENDPOINTS_PER_RECEIVER; e++) {
                HOOKS.add(register(receiver, "/hooks/receiver-" + r + "/endpoint-" + e));
            }
        }
    }

    @AfterAll
    static void stopEverything() throws IOException {
        stopReplicas();
        if (stopReplicasOnExit != null) {
            Runtime.getRuntime().removeShutdownHook(stopReplicasOnExit);
        }
        RECEIVERS.forEach(CountingReceiver::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void deliversEachEventExactlyOnceWhileReplicasShareTheWork() throws Exception {
        long started = System.nanoTime();
        List<String> eventIds = publisher().publish("a", EVENTS_PER_PHASE, PUBLISH_THREADS);
        Duration publishing = since(started);

        boolean settled = awaitAllDelivered(eventIds);
        Duration delivering = since(started);

        Receipts receipts = receipts(eventIds);
        Map<Integer, Long> perReplica = deliveriesPerReplica(eventIds);
        report("A (nothing fails)", eventIds, publishing, delivering, receipts, perReplica);
        assertThat(settled).as("every delivery settled within " + PHASE_TIMEOUT).isTrue();
        assertThat(receipts.missing()).as("pairs never received").isZero();
        assertThat(receipts.duplicates()).as("pairs received twice or more").isZero();
        assertThat(receipts.total()).isEqualTo(receipts.expected());
        assertThat(rows.countByStatus(eventIds))
                .containsExactly(entry("SUCCEEDED", receipts.expected()));
        assertThat(rows.attempts(eventIds)).isEqualTo(receipts.expected());
        assertThat(perReplica.values().stream().filter(count -> count > 0).count())
                .as("replicas that delivered").isGreaterThan(1);
    }

    @Test
    @Order(2)
    void losesNothingWhenAReplicaIsKilledMidDelivery() throws Exception {
        long receivedBefore = totalReceived();
        long third = (long) EVENTS_PER_PHASE * HOOKS.size() / 3;
        Replica victim = REPLICAS.get(REPLICA_COUNT - 1);

        long started = System.nanoTime();
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<List<String>> publishing = background.submit((Callable<List<String>>) () ->
                publisher().publish("b", EVENTS_PER_PHASE, PUBLISH_THREADS));

        await(PHASE_TIMEOUT, Duration.ofMillis(50),
                () -> totalReceived() - receivedBefore >= third);
        victim.kill();
        long killedAt = System.nanoTime();
        long receivedAtKill = totalReceived() - receivedBefore;

        List<String> eventIds = publishing.get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        background.shutdown();
        boolean settled = awaitAllDelivered(eventIds);
        Duration afterKill = since(killedAt);

        Receipts receipts = receipts(eventIds);
        Map<Integer, Long> perReplica = deliveriesPerReplica(eventIds);
        report("B (replica " + victim.number() + " killed)", eventIds, null, since(started),
                receipts, perReplica);
        System.out.printf("[replicas]   SIGKILL to replica %d (pid %d) after %d receipts; all "
                + "settled %.1f s after the kill%n", victim.number(), victim.pid(),
                receivedAtKill, seconds(afterKill));
        assertThat(settled).as("every delivery settled within " + PHASE_TIMEOUT).isTrue();
        assertThat(receipts.missing()).as("pairs never received: lost deliveries").isZero();
        assertThat(rows.countByStatus(eventIds))
                .containsExactly(entry("SUCCEEDED", receipts.expected()));
        assertThat(receipts.duplicates()).as("duplicates beyond what the dead replica held")
                .isLessThanOrEqualTo(MAX_CONCURRENCY);
        assertThat(perReplica.get(victim.number())).as("the victim delivered before dying")
                .isPositive();
    }

    private static Map<String, String> settings(int databasePort) {
        Map<String, String> settings =
                Replica.productionSettings(databasePort, tokens.publicKeyPem());
        settings.put("DRAVO_DELIVERY_CONNECT_TIMEOUT", "1s");
        settings.put("DRAVO_DELIVERY_REQUEST_TIMEOUT", "3s");
        settings.put("DRAVO_DELIVERY_RETRY_SCHEDULE", "1s,1s,2s,2s,5s");
        settings.put("DRAVO_DISPATCH_POLL_INTERVAL", "200ms");
        settings.put("DRAVO_DISPATCH_MAX_CONCURRENCY", Integer.toString(MAX_CONCURRENCY));
        settings.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        return settings;
    }

    private static Hook register(CountingReceiver receiver, String path)
            throws IOException, InterruptedException {
        String body = "{\"url\":\"" + receiver.url(path) + "\",\"events\":[\"post.published\"]}";
        HttpRequest request = HttpRequest.newBuilder(REPLICAS.get(0).uri("/v1/webhooks"))
                .header("Authorization", "Bearer " + tokens.dashboard(OWNER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = CLIENT.send(request,
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return new Hook(JSON.readTree(response.body()).get("id").asText(), receiver, path);
    }

    private static EventPublisher publisher() {
        List<Replica> alive = REPLICAS.stream().filter(Replica::isAlive).toList();
        return new EventPublisher(CLIENT, alive, tokens.publisher("posts-service"), OWNER);
    }

    /** Waits until no delivery of these events is pending and every pair was received. */
    private static boolean awaitAllDelivered(List<String> eventIds) throws Exception {
        return await(PHASE_TIMEOUT, Duration.ofMillis(500), () -> rows.pending(eventIds) == 0
                && receipts(eventIds).missing() == 0);
    }

    private static Receipts receipts(List<String> eventIds) {
        long missing = 0;
        long duplicates = 0;
        long total = 0;
        for (String eventId : eventIds) {
            for (Hook hook : HOOKS) {
                int count = hook.receiver().receipts(eventId, hook.path());
                missing += count == 0 ? 1 : 0;
                duplicates += Math.max(0, count - 1);
                total += count;
            }
        }
        return new Receipts((long) eventIds.size() * HOOKS.size(), missing, duplicates, total);
    }

    private static long totalReceived() {
        return RECEIVERS.stream().mapToLong(CountingReceiver::total).sum();
    }

    /** Succeeded attempts of these events that each replica's log shows. */
    private static Map<Integer, Long> deliveriesPerReplica(List<String> eventIds)
            throws IOException {
        Set<String> wanted = new HashSet<>(eventIds);
        Map<Integer, Long> perReplica = new TreeMap<>();
        for (Replica replica : REPLICAS) {
            perReplica.put(replica.number(), replica.deliveriesLogged(wanted));
        }
        return perReplica;
    }

    private static void report(String phase, List<String> eventIds, Duration publishing,
            Duration delivering, Receipts receipts, Map<Integer, Long> perReplica) {
        System.out.printf("[replicas] phase %s: %d events x %d endpoints%n", phase,
                eventIds.size(), HOOKS.size());
        if (publishing != null) {
            System.out.printf("[replicas]   published in %.1f s (%.0f events/s)%n",
                    seconds(publishing), eventIds.size() / seconds(publishing));
        }
        System.out.printf("[replicas]   all delivered %.1f s after the first publish "
                + "(%.0f deliveries/s)%n", seconds(delivering),
                receipts.expected() / seconds(delivering));
        System.out.printf("[replicas]   receipts %d of %d expected, missing %d, duplicates %d;"
                + " succeeded per replica %s%n", receipts.total(), receipts.expected(),
                receipts.missing(), receipts.duplicates(), perReplica);
    }

    /** Polls the condition until it holds or the timeout passes; answers whether it held. */
    private static boolean await(Duration timeout, Duration interval, Condition condition)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(interval.toMillis());
        }
        return condition.holds();
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws SQLException;
    }

    private static void stopReplicas() {
        for (Replica replica : REPLICAS) {
            try {
                replica.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
