package com.dravo.webhooks.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.dravo.webhooks.signing.SealedSecret;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Claims due deliveries for one replica. Row locks with SKIP LOCKED let replicas claim side
 * by side without waiting on each other; the lease ({@code claimed_until}) outlives the
 * longest attempt, so a replica that dies mid-delivery loses nothing: its claims expire and
 * another replica takes them.
 */
@ApplicationScoped
class DeliveryClaims {

    private static final String CLAIM = """
            with claimed as (
                update delivery d
                set claimed_until = now() + make_interval(secs => $1), updated_at = now()
                where d.id in (
                    select id from delivery
                    where status = 'PENDING' and next_attempt_at <= now()
                      and (claimed_until is null or claimed_until < now())
                      and endpoint_id <> all($2)
                    order by next_attempt_at
                    limit $3
                    for update skip locked)
                returning d.id, d.endpoint_id, d.event_id, d.event_type, d.attempts)
            select c.id, c.endpoint_id, c.event_id, c.event_type, c.attempts,
                   e.url, e.secret_key_id, e.secret_sealed, ev.body,
                   case when e.previous_secret_expires_at > now()
                        then e.previous_secret_key_id end as previous_key_id,
                   case when e.previous_secret_expires_at > now()
                        then e.previous_secret_sealed end as previous_sealed
            from claimed c
            join endpoint e on e.id = c.endpoint_id
            join event ev on ev.id = c.event_id
            """;

    private static final String RELEASE = """
            update delivery set claimed_until = null
            where id = any($1) and status = 'PENDING'
            """;

    private final Pool pool;
    private final double leaseSeconds;

    DeliveryClaims(Pool pool, DeliveryConfig config) {
        this.pool = pool;
        Duration lease = config.connectTimeout().plus(config.requestTimeout())
                .plus(Duration.ofSeconds(30));
        this.leaseSeconds = lease.toMillis() / 1000.0;
    }

    Uni<List<DeliveryJob>> claim(int limit, List<String> excludedEndpoints) {
        Tuple arguments = Tuple.of(leaseSeconds, excludedEndpoints.toArray(String[]::new),
                limit);
        return pool.preparedQuery(CLAIM).execute(arguments)
                .map(rows -> {
                    List<DeliveryJob> jobs = new ArrayList<>();
                    rows.forEach(row -> jobs.add(jobOf(row)));
                    return jobs;
                });
    }

    /** Hands claims back for any replica to take now. */
    Uni<Void> release(List<String> deliveryIds) {
        return pool.preparedQuery(RELEASE)
                .execute(Tuple.of(deliveryIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** The job, signed with the current secret and, during a rotation, the previous one. */
    private static DeliveryJob jobOf(Row row) {
        List<SealedSecret> secrets = new ArrayList<>();
        secrets.add(new SealedSecret(row.getString("secret_key_id"),
                row.getBuffer("secret_sealed").getBytes()));
        if (row.getString("previous_key_id") != null) {
            secrets.add(new SealedSecret(row.getString("previous_key_id"),
                    row.getBuffer("previous_sealed").getBytes()));
        }
        return new DeliveryJob(row.getString("id"), row.getString("endpoint_id"),
                row.getString("url"), row.getString("event_id"), row.getString("event_type"),
                row.getString("body"), secrets, row.getInteger("attempts"));
    }
}
