package com.dravo.webhooks.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * Takes the endpoints with due work, oldest first, and from each at most as many rows
     * as this replica has free slots for it ($2/$4: endpoints already busy here and their free
     * slots; $5 for the others), so that nothing is claimed only to be handed back.
     */
    private static final String CLAIM = """
            with busy as (
                select * from unnest($2::text[], $4::int[]) as b(endpoint_id, free)),
            due as (
                select endpoint_id, min(next_attempt_at) as oldest from delivery
                where status = 'PENDING' and next_attempt_at <= now()
                  and (claimed_until is null or claimed_until < now())
                group by endpoint_id),
            room as (
                select due.endpoint_id, coalesce(busy.free, $5) as free
                from due left join busy on busy.endpoint_id = due.endpoint_id
                where coalesce(busy.free, $5) > 0
                order by due.oldest
                limit $3),
            picked as (
                select pick.id, pick.endpoint_id, pick.next_attempt_at, room.free
                from room cross join lateral (
                    select id, endpoint_id, next_attempt_at from delivery
                    where endpoint_id = room.endpoint_id and status = 'PENDING'
                      and next_attempt_at <= now()
                      and (claimed_until is null or claimed_until < now())
                    order by next_attempt_at
                    limit $5
                    for update skip locked) pick),
            ranked as (
                select id, free, next_attempt_at, row_number() over (
                    partition by endpoint_id order by next_attempt_at) as n
                from picked),
            claimed as (
                update delivery d
                set claimed_until = now() + make_interval(secs => $1), updated_at = now()
                where d.id in (
                    select id from ranked where n <= free order by next_attempt_at limit $3)
                returning d.id, d.endpoint_id, d.event_id, d.event_type)
            select c.id, c.endpoint_id, c.event_id, c.event_type,
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
    private final int perEndpoint;

    DeliveryClaims(Pool pool, DeliveryConfig config, DispatchConfig dispatch) {
        this.pool = pool;
        this.perEndpoint = dispatch.maxConcurrencyPerEndpoint();
        Duration lease = config.connectTimeout().plus(config.requestTimeout())
                .plus(Duration.ofSeconds(30));
        this.leaseSeconds = lease.toMillis() / 1000.0;
    }

    /**
     * @param limit rows to claim at most
     * @param inFlight deliveries this replica has in flight, by endpoint
     */
    Uni<List<DeliveryJob>> claim(int limit, Map<String, Integer> inFlight) {
        String[] busy = inFlight.keySet().toArray(String[]::new);
        Integer[] free = new Integer[busy.length];
        for (int i = 0; i < busy.length; i++) {
            free[i] = Math.max(0, perEndpoint - inFlight.getOrDefault(busy[i], 0));
        }
        Tuple arguments = Tuple.tuple(List.of(leaseSeconds, busy, limit, free, perEndpoint));
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
                row.getString("body"), secrets);
    }
}
