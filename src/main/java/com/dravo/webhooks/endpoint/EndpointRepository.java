package com.dravo.webhooks.endpoint;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Endpoint queries. Every one takes the owner: there is no way to read across owners. */
@ApplicationScoped
public class EndpointRepository implements PanacheRepositoryBase<Endpoint, String> {

    public Uni<Endpoint> findOwned(String owner, String id) {
        return find("owner = :owner and id = :id", Parameters.with("owner", owner).and("id", id))
                .firstResult();
    }

    /** Up to {@code limit} endpoints after the cursor, oldest first. */
    public Uni<List<Endpoint>> listOwned(String owner, long afterSeq, int limit) {
        return find("owner = :owner and seq > :after order by seq",
                Parameters.with("owner", owner).and("after", afterSeq))
                .range(0, limit - 1)
                .list();
    }

    /** The owner's active endpoints that hear this event type: where an event fans out. */
    public Uni<List<Endpoint>> listSubscribed(String owner, String eventType) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select * from endpoint where owner = :owner and active"
                        + " and :type = any(events) order by seq", Endpoint.class)
                .setParameter("owner", owner)
                .setParameter("type", eventType)
                .getResultList());
    }

    public Uni<Long> countOwned(String owner) {
        return count("owner", owner);
    }
}
