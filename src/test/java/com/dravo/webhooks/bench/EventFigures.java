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

    /**
     * The limits of item 4: pgbench -N at 16 and 64 clients, PostgreSQL's CPU time per
     * transaction of the latter, and one POST to the receiver.
     */
    record Limits(LoadTools.Load writes16, LoadTools.Load writes64, double writeCpuMillis,
            Latencies receiver) {

        String publish() {
            return "pgbench -N 16: " + Format.perSecond(writes16.perSecond());
        }

        String delivery() {
            return "pgbench -N 64: " + Format.perSecond(writes64.perSecond());
        }
    }

    void record(double publishAlone, EventDeliveryRun.Phase healthy,
            EventDeliveryRun.Phase oneDead, Limits limits) {
        table.row("4", "publish alone (no endpoints)", Format.perSecond(publishAlone),
                limits.publish(), Format.ratio(publishAlone, limits.writes16().perSecond()));

        phase(healthy, "%,d events x %d endpoints: publish", limits);
        phase(oneDead, "%,d x %d, one answering 500: publish", limits);

        table.note("a publish and a delivery each need about one write transaction, so"
                + " pgbench simple-update (-N) at the same concurrency (16 publishers, 64"
                + " deliveries in flight) is their database limit; publish-to-receive latency"
                + " includes the wait in the queue; the row updates (claim churn) are n_tup_upd"
                + " of the delivery table over the attempts recorded; CPU is user and system"
                + " time from /proc, PostgreSQL's ratio is over its time per pgbench -N"
                + " transaction");
    }

    /** The rows of one phase; the label is a format of the event and endpoint counts. */
    private void phase(EventDeliveryRun.Phase phase, String label, Limits limits) {
        String figure = String.format(Locale.ROOT, label, phase.events(), plan.endpoints());
        table.row("4", figure, Format.perSecond(phase.publishedPerSecond()), limits.publish(),
                Format.ratio(phase.publishedPerSecond(), limits.writes16().perSecond()));
        table.row("4", "  deliveries end to end (" + phase.liveEndpoints() + " live)",
                Format.perSecond(phase.deliveredPerSecond()), limits.delivery(),
                Format.ratio(phase.deliveredPerSecond(), limits.writes64().perSecond()));
        table.row("4", "  publish-to-receive p50 / p99", phase.latency().text(),
                "receiver: " + limits.receiver().text(),
                phase.latency().ratioTo(limits.receiver()));
        table.row("4", "  delivery row updates per attempt",
                Format.number(phase.updatesPerAttempt()) + String.format(Locale.ROOT,
                        " (%,d)", phase.counters().attemptInserts()), "claim + record: 2",
                Format.ratio(phase.updatesPerAttempt(), IDEAL_UPDATES));
        CpuTime.Split cpu = phase.cpuMillisPerAttempt();
        table.row("4", "  CPU per attempt, publishing included", "service "
                + Format.millis(cpu.service()) + ", PG " + Format.millis(cpu.database()),
                "PG per pgbench -N tx: "
                + Format.millis(limits.writeCpuMillis()),
                Format.ratio(cpu.database(), limits.writeCpuMillis()));
    }
}
