package com.dravo.webhooks.bench;

import java.util.Locale;

/** The table rows of item 4: publish rates, deliveries, latency and claim churn. */
final class EventFigures {

    /** Row updates one delivery needs at least: its claim, and the record of its attempt. */
    private static final double IDEAL_UPDATES = 2;

    private final ResultsTable table;
    private final BenchPlan plan;

    EventFigures(ResultsTable table, BenchPlan plan) {
        this.table = table;
        this.plan = plan;
    }

    void record(double publishAlone, EventDeliveryRun.Phase healthy,
            EventDeliveryRun.Phase oneDead, LoadTools.Load writes16, LoadTools.Load writes64,
            Latencies receiver) {
        String publishLimit = "pgbench -N, 16 clients: " + Format.perSecond(writes16.perSecond());
        String deliveryLimit = "pgbench -N, 64 clients: " + Format.perSecond(writes64.perSecond());
        table.row("4", "publish alone (owner without endpoints), "
                + BenchPlan.PUBLISH_THREADS + " publishers", Format.perSecond(publishAlone),
                publishLimit, Format.ratio(publishAlone, writes16.perSecond()));

        phase(healthy, "all endpoints live", publishLimit, writes16, deliveryLimit, writes64,
                receiver);
        phase(oneDead, "one endpoint answering 500", publishLimit, writes16, deliveryLimit,
                writes64, receiver);

        table.note("a publish and a delivery each need about one write transaction, so"
                + " pgbench simple-update (-N) at the same concurrency is their database limit;"
                + " publish-to-receive latency includes the wait in the queue");
    }

    private void phase(EventDeliveryRun.Phase phase, String name, String publishLimit,
            LoadTools.Load writes16, String deliveryLimit, LoadTools.Load writes64,
            Latencies receiver) {
        String size = String.format(Locale.ROOT, "%,d events x %d endpoints", phase.events(),
                plan.endpoints());
        table.row("4", name + ", " + size + ": publish", Format.perSecond(
                phase.publishedPerSecond()), publishLimit,
                Format.ratio(phase.publishedPerSecond(), writes16.perSecond()));
        table.row("4", "  deliveries end to end (to the " + phase.liveEndpoints() + " live)",
                Format.perSecond(phase.deliveredPerSecond()), deliveryLimit,
                Format.ratio(phase.deliveredPerSecond(), writes64.perSecond()));
        table.row("4", "  publish-to-receive p50 / p99", phase.latency().text(),
                "receiver: " + receiver.text(),
                Format.ratio(phase.latency().p50Millis(), receiver.p50Millis()) + " / "
                        + Format.ratio(phase.latency().p99Millis(), receiver.p99Millis()));
        table.row("4", "  delivery row updates per attempt (claim churn)",
                Format.number(phase.updatesPerAttempt()) + " (" + phase.counters()
                        .attemptInserts() + " attempts)", "claim + record: 2",
                Format.ratio(phase.updatesPerAttempt(), IDEAL_UPDATES));
    }
}
