package com.dravo.webhooks.endpoint;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.dravo.webhooks.Ids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Endpoint queries. Every one takes the owner, so there is no way to read across owners, and
 * every one skips deleted endpoints.
 */
@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<Endpoint, String> {

    private static final String OWNED = "owner = :owner and id = :id and deletedAt is null";

    /** The owner's endpoint, or null; an id not of our shape is unknown without a query. */
    public Uni<Endpoint> findOwned(String owner, String id) {
        if (!Ids.isWellFormed(id, Ids.ENDPOINT)) {
            return Uni.createFrom().nullItem();
        }
        return find(OWNED, Parameters.with("owner", owner).and("id", id)).firstResult();
    }

    /** The endpoint, locked until the transaction ends, so changes to it run one by one. */
    public Uni<Endpoint> findOwnedForUpdate(String owner, String id) {
        if (!Ids.isWellFormed(id, Ids.ENDPOINT)) {
            return Uni.createFrom().nullItem();
        }
        return find(OWNED, Parameters.with("owner", owner).and("id", id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** Up to {@code limit} endpoints after the cursor, oldest first. */
    public Uni<List<Endpoint>> listOwned(String owner, long afterSeq, int limit) {
        return find("owner = :owner and seq > :after and deletedAt is null order by seq",
                Parameters.with("owner", owner).and("after", afterSeq))
                .range(0, limit - 1)
                .list();
    }

    /** The owner's active endpoints that hear this event type: where an event fans out. */
    public Uni<List<Endpoint>> listSubscribed(String owner, String eventType) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select * from endpoint where owner = :owner and active"
                        + " and deleted_at is null and :type = any(events) order by seq",
                        Endpoint.class)
                .setParameter("owner", owner)
                .setParameter("type", eventType)
                .getResultList());
    }

    public Uni<Long> countOwned(String owner) {
        return count("owner = ?1 and deletedAt is null", owner);
    }
}
