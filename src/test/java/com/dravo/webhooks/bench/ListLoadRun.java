package com.dravo.webhooks.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.dravo.webhooks.replicas.Replica;

/**
 * Item 2: wrk on GET /v1/webhooks of an owner with 20 endpoints, next to wrk on the
 * receiver's plain 200 (the HTTP limit) and pgbench select-only on the same database (the
 * database limit), at each number of connections.
 */
final class ListLoadRun {

    /** The three runs at one number of connections. */
    record AtConnections(int connections, LoadTools.Load service, LoadTools.Load http,
            LoadTools.Load database) {
    }

    private final BenchPlan plan;
    private final BenchSettings settings;
    private final LoadTools tools;

    ListLoadRun(BenchPlan plan, BenchSettings settings, LoadTools tools) {
        this.plan = plan;
        this.settings = settings;
        this.tools = tools;
    }

    List<AtConnections> run(Replica service, String token, VerifyingReceiver receiver)
            throws Exception {
        URI list = service.uri("/v1/webhooks");
        URI plain = URI.create(receiver.url("/"));
        Map<String, String> environment = Map.of("BENCH_TOKEN", token);
        if (!plan.warmUp().isZero()) {
            tools.wrk("wrk-warm-up-service", list, 16, plan.warmUp(), settings.wrkScript(),
                    environment);
            tools.wrk("wrk-warm-up-receiver", plain, 16, plan.warmUp(), null, Map.of());
        }

        List<AtConnections> runs = new ArrayList<>();
        for (int connections : BenchPlan.CONNECTIONS) {
            runs.add(new AtConnections(connections,
                    tools.wrk("wrk-service-" + connections, list, connections, plan.load(),
                            settings.wrkScript(), environment),
                    tools.wrk("wrk-receiver-" + connections, plain, connections, plan.load(),
                            null, Map.of()),
                    tools.pgbench("select-only", connections, plan.load())));
        }
        return runs;
    }
}
