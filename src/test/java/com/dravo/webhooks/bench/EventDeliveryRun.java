package com.dravo.webhooks.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

import com.dravo.webhooks.replicas.EventPublisher;
import com.dravo.webhooks.replicas.EventPublisher.Published;
import com.dravo.webhooks.replicas.HandSignedTokens;
import com.dravo.webhooks.replicas.Replica;

/**
 * Item 4: real events published in parallel, as another service would, to the endpoints of
 * one owner, until the receiver has verified every delivery to every live endpoint.
 */
final class EventDeliveryRun {

    /** What one phase measured; rates per second, counts of (event, live endpoint) pairs. */
    record Phase(int events, int liveEndpoints, double publishedPerSecond,
            double deliveredPerSecond, Latencies latency, long missing,
            TableCounters counters, CpuTime.Split cpu) {

        /** Row updates of the delivery table per attempt recorded (claim churn). */
        double updatesPerAttempt() {
            return perAttempt(counters.deliveryUpdates());
        }

        /** CPU milliseconds of the service and of PostgreSQL per attempt recorded. */
        CpuTime.Split cpuMillisPerAttempt() {
            return new CpuTime.Split(perAttempt(cpu.service() * 1000),
                    perAttempt(cpu.database() * 1000));
        }

        private double perAttempt(double amount) {
            return counters.attemptInserts() == 0 ? Double.NaN
                    : amount / counters.attemptInserts();
        }
    }

    private static final String PUBLISHER = "bench-publisher";

    private final ServiceClient service;
    private final VerifyingReceiver receiver;
    private final HttpClient client;
    private final Replica replica;
    private final String publisherToken;
    private final String jdbcUrl;
    private final BenchPlan plan;
    private final long postmasterPid;

    EventDeliveryRun(HttpClient client, Replica replica, HandSignedTokens tokens,
            ServiceClient service, VerifyingReceiver receiver, String jdbcUrl, BenchPlan plan,
            long postmasterPid) {
        this.service = service;
        this.receiver = receiver;
        this.client = client;
        this.replica = replica;
        this.publisherToken = tokens.publisher(PUBLISHER);
        this.jdbcUrl = jdbcUrl;
        this.plan = plan;
        this.postmasterPid = postmasterPid;
    }

    /** Events per second accepted for an owner with no endpoints: the publish path alone. */
    double publishAlone() throws Exception {
        List<Published> published = publisher("org_bench_nobody")
                .publishTimed("alone", plan.publishOnlyEvents(), BenchPlan.PUBLISH_THREADS);
        return perSecond(published.size(), first(published), lastAccepted(published));
    }

    /** Publishes to the owner's endpoints (one answering 500 when asked) and waits. */
    Phase run(String name, boolean oneDead) throws Exception {
        String owner = "org_bench_" + name;
        List<String> livePaths = new ArrayList<>();
        for (int e = 0; e < plan.endpoints(); e++) {
            String path = "/" + name + "/endpoint-" + e;
            ServiceClient.Registered endpoint = service.register(owner, receiver, path);
            if (oneDead && e == plan.endpoints() - 1) {
                receiver.failOn(path);
            } else {
                receiver.expect(path, endpoint.signingSecret());
                livePaths.add(path);
            }
        }
        TableCounters before = TableCounters.readReported(jdbcUrl);
        CpuTime.Split cpuBefore = CpuTime.Split.now(replica.pid(), postmasterPid);

        List<Published> published = publisher(owner)
                .publishTimed(name, plan.eventCount(), BenchPlan.PUBLISH_THREADS);
        long deadline = System.nanoTime() + plan.phaseTimeout().toNanos();
        while (missing(published, livePaths) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        TableCounters counters = TableCounters.readReported(jdbcUrl).minus(before);
        CpuTime.Split cpu = CpuTime.Split.now(replica.pid(), postmasterPid).minus(cpuBefore);
        return measure(published, livePaths, counters, cpu);
    }

    private Phase measure(List<Published> published, List<String> livePaths,
            TableCounters counters, CpuTime.Split cpu) {
        List<Long> latencies = new ArrayList<>();
        long lastArrival = Long.MIN_VALUE;
        for (Published event : published) {
            for (String path : livePaths) {
                Long arrived = receiver.arrivedAt(event.eventId(), path);
                if (arrived != null) {
                    latencies.add(arrived - event.sentNanos());
                    lastArrival = Math.max(lastArrival, arrived);
                }
            }
        }

        long start = first(published);
        return new Phase(published.size(), livePaths.size(),
                perSecond(published.size(), start, lastAccepted(published)),
                perSecond(latencies.size(), start, lastArrival), Latencies.ofNanos(latencies),
                missing(published, livePaths), counters, cpu);
    }

    private EventPublisher publisher(String owner) {
        return new EventPublisher(client, List.of(replica), publisherToken, owner);
    }

    private long missing(List<Published> published, List<String> livePaths) {
        long missing = 0;
        for (Published event : published) {
            for (String path : livePaths) {
                missing += receiver.arrivedAt(event.eventId(), path) == null ? 1 : 0;
            }
        }
        return missing;
    }

    private static long first(List<Published> published) {
        return published.stream().mapToLong(Published::sentNanos).min().orElseThrow();
    }

    private static long lastAccepted(List<Published> published) {
        return published.stream().mapToLong(Published::acceptedNanos).max().orElseThrow();
    }

    private static double perSecond(long count, long fromNanos, long toNanos) {
        return count / ((toNanos - fromNanos) / 1e9);
    }
}
