package com.dravo.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import com.dravo.webhooks.web.RateLimitedException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Caps test sends per endpoint per minute, so the test route cannot be used to flood a third
 * party. Counted in the database under a per-endpoint lock: right across concurrent requests
 * and across replicas. Must run inside the transaction that records the send.
 */
@ApplicationScoped
class TestSendLimit {

    private static final String RECENT_TEST_SENDS = """
            select count(*), coalesce(ceil(extract(epoch from
                   min(d.created_at) + interval '1 minute' - now())), 0)::bigint
            from delivery d join event e on e.id = d.event_id
            where d.endpoint_id = :endpoint and e.test
              and d.created_at > now() - interval '1 minute'
            """;

    private final DeliveryConfig config;

    TestSendLimit(DeliveryConfig config) {
        this.config = config;
    }

    /** Fails with 429 when the endpoint has had its test sends for this minute. */
    Uni<Void> acquire(String endpointId) {
        return Panache.getSession()
                .flatMap(session -> session
                        .createNativeQuery("select 1 from pg_advisory_xact_lock("
                                + "hashtext('test-send:' || :endpoint))")
                        .setParameter("endpoint", endpointId)
                        .getSingleResult()
                        .flatMap(locked -> session.<Object[]>createNativeQuery(RECENT_TEST_SENDS)
                                .setParameter("endpoint", endpointId)
                                .getSingleResult()))
                .invoke(this::refuseOverLimit)
                .replaceWithVoid();
    }

    private void refuseOverLimit(Object[] recent) {
        long sends = ((Number) recent[0]).longValue();
        if (sends >= config.testRateLimit()) {
            throw new RateLimitedException("at most " + config.testRateLimit()
                    + " test sends per endpoint per minute", ((Number) recent[1]).longValue());
        }
    }
}
