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
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.dravo.webhooks.support.PackagedJarEnvironment;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Issue 5's proof that replicas share one database safely: three packaged jars deliver to
 * loopback receivers, each delivery exactly once while nothing fails, nothing lost when one
 * replica is killed mid-delivery (its claims expire and the others retry them), and nothing
 * lost or sent twice when one stops gracefully.
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
    /** The dispatcher's shutdown grace (10 s) and the rest of Quarkus' shutdown. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

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
        assertThat(rows.countByStatus(eventIds))
                .containsExactly(entry("SUCCEEDED", receipts.expected()));
        assertThat(rows.succeededTwice(eventIds)).as("deliveries sent twice and accepted twice")
                .isZero();
        assertThat(receipts.duplicates())
                .as("pairs received twice, beyond attempts that timed out or failed")
                .isLessThanOrEqualTo(rows.failedAttempts(eventIds));
        assertThat(rows.attempts(eventIds))
                .isEqualTo(receipts.expected() + rows.failedAttempts(eventIds));
        assertThat(perReplica.values().stream().filter(count -> count > 0).count())
                .as("replicas that delivered").isGreaterThan(1);
    }

    @Test
    @Order(2)
    void losesNothingWhenAReplicaIsKilledMidDelivery() throws Exception {
        Replica victim = REPLICAS.get(REPLICA_COUNT - 1);
        long started = System.nanoTime();

        List<String> eventIds = publishAndMeanwhile("b", EVENTS_PER_PHASE, victim::kill);
        long killedAt = System.nanoTime();
        boolean settled = awaitAllDelivered(eventIds);
        Duration afterKill = since(killedAt);

        Receipts receipts = receipts(eventIds);
        Map<Integer, Long> perReplica = deliveriesPerReplica(eventIds);
        report("B (replica " + victim.number() + " killed)", eventIds, null, since(started),
                receipts, perReplica);
        System.out.printf("[replicas]   SIGKILL to replica %d (pid %d); all settled %.1f s "
                + "after the kill%n", victim.number(), victim.pid(), seconds(afterKill));
        assertThat(settled).as("every delivery settled within " + PHASE_TIMEOUT).isTrue();
        assertThat(receipts.missing()).as("pairs never received: lost deliveries").isZero();
        assertThat(rows.countByStatus(eventIds))
                .containsExactly(entry("SUCCEEDED", receipts.expected()));
        assertThat(receipts.duplicates()).as("duplicates beyond what the dead replica held "
                + "and attempts that timed out or failed")
                .isLessThanOrEqualTo(MAX_CONCURRENCY + rows.failedAttempts(eventIds));
        assertThat(perReplica.get(victim.number())).as("the victim delivered before dying")
                .isPositive();
    }

    /**
     * A rolling update's SIGTERM: the replica stops claiming, finishes what it has in flight
     * and exits by itself, so nothing is lost and, unlike a kill, nothing is sent twice.
     */
    @Test
    @Order(3)
    void sendsNothingTwiceWhenAReplicaStopsGracefullyMidDelivery() throws Exception {
        Replica leaving = REPLICAS.get(REPLICA_COUNT - 2);
        long started = System.nanoTime();
        AtomicBoolean exitedByItself = new AtomicBoolean();

        List<String> eventIds = publishAndMeanwhile("c", EVENTS_PER_PHASE / 5,
                () -> exitedByItself.set(leaving.terminate(STOP_TIMEOUT)));
        boolean settled = awaitAllDelivered(eventIds);

        Receipts receipts = receipts(eventIds);
        Map<Integer, Long> perReplica = deliveriesPerReplica(eventIds);
        report("C (replica " + leaving.number() + " stopped)", eventIds, null, since(started),
                receipts, perReplica);
        assertThat(exitedByItself).as("replica exited within " + STOP_TIMEOUT + " of SIGTERM")
                .isTrue();
        assertThat(settled).as("every delivery settled within " + PHASE_TIMEOUT).isTrue();
        assertThat(receipts.missing()).as("pairs never received: lost deliveries").isZero();
        assertThat(rows.succeededTwice(eventIds)).as("deliveries sent twice and accepted twice")
                .isZero();
        assertThat(receipts.duplicates()).as("pairs received twice after a graceful stop, "
                + "beyond attempts that timed out or failed")
                .isLessThanOrEqualTo(rows.failedAttempts(eventIds));
        assertThat(rows.countByStatus(eventIds))
                .containsExactly(entry("SUCCEEDED", receipts.expected()));
        assertThat(perReplica.get(leaving.number())).as("the replica delivered before leaving")
                .isPositive();
    }

    /**
     * Publishes the events from a background thread and, once a third of their deliveries
     * has arrived, does what the phase is about; answers the published ids.
     */
    private static List<String> publishAndMeanwhile(String batch, int events, Action action)
            throws Exception {
        long receivedBefore = totalReceived();
        long third = (long) events * HOOKS.size() / 3;
        EventPublisher publisher = publisher();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> publishing = background.submit(
                    (Callable<List<String>>) () -> publisher.publish(batch, events,
                            PUBLISH_THREADS));

            await(PHASE_TIMEOUT, Duration.ofMillis(50),
                    () -> totalReceived() - receivedBefore >= third);
            action.run();
            return publishing.get(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            background.shutdown();
        }
    }

    private static Map<String, String> settings(int databasePort) {
        Map<String, String> settings = PackagedJarEnvironment.settings(databasePort);
        settings.put("mp.jwt.verify.publickey.location", tokens.publicKeyPem().toString());
        settings.put("mp.jwt.verify.issuer", HandSignedTokens.ISSUER);
        settings.put("dravo.delivery.connect-timeout", "1s");
        settings.put("dravo.delivery.request-timeout", "3s");
        settings.put("dravo.delivery.retry-schedule", "1s,1s,2s,2s,5s");
        settings.put("dravo.dispatch.max-concurrency", Integer.toString(MAX_CONCURRENCY));
        settings.put("quarkus.log.console.json.enabled", "false");
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
            Duration delivering, Receipts receipts, Map<Integer, Long> perReplica)
            throws SQLException {
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
        System.out.printf("[replicas]   attempts that timed out or failed: %d%n",
                rows.failedAttempts(eventIds));
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

    @FunctionalInterface
    private interface Action {
        void run() throws InterruptedException;
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
