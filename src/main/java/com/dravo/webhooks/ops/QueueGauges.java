package com.dravo.webhooks.ops;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Operations (health, metrics, request ids): gauges of the delivery queue and of disabled
 * endpoints. One cheap query on a timer fills them, so a scrape never touches the database.
 */
@ApplicationScoped
class QueueGauges {

    private static final Logger LOG = Logger.getLogger(QueueGauges.class);

    /** Both delivery figures come from the partial index on pending deliveries. */
    private static final String QUERY = """
            select q.depth, q.oldest, e.disabled
            from (select count(*) as depth, min(created_at) as oldest
                  from delivery where status = 'PENDING' and next_attempt_at is not null) q,
                 (select count(*) as disabled from endpoint where not active) e""";

    private final AtomicLong depth = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();
    private final AtomicLong disabled = new AtomicLong();
    private final Pool pool;
    private final Vertx vertx;
    private final OpsConfig config;
    private long timer = -1;

    QueueGauges(Pool pool, Vertx vertx, OpsConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("dravo.delivery.queue.depth", depth, AtomicLong::get)
                .description("Pending deliveries waiting for an attempt")
                .register(registry);
        Gauge.builder("dravo.delivery.queue.oldest.age", oldest, QueueGauges::ageSeconds)
                .description("Age of the oldest pending delivery; 0 when none is pending")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("dravo.endpoints.disabled", disabled, AtomicLong::get)
                .description("Endpoints set inactive")
                .register(registry);

        refresh();
        timer = vertx.setPeriodic(config.queueRefresh().toMillis(), id -> refresh());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void refresh() {
        pool.query(QUERY).execute()
                .subscribe().with(this::update, failure ->
                        LOG.debugf("queue gauges not refreshed: %s", failure.getMessage()));
    }

    private void update(RowSet<Row> rows) {
        Row row = rows.iterator().next();
        OffsetDateTime oldestCreated = row.getOffsetDateTime("oldest");

        depth.set(row.getLong("depth"));
        oldest.set(oldestCreated == null ? null : oldestCreated.toInstant());
        disabled.set(row.getLong("disabled"));
    }

    /** Computed at scrape time, so the age keeps growing between two refreshes. */
    private static double ageSeconds(AtomicReference<Instant> oldest) {
        Instant created = oldest.get();
        if (created == null) {
            return 0;
        }
        return Math.max(0, Instant.now().toEpochMilli() - created.toEpochMilli()) / 1000.0;
    }
}
