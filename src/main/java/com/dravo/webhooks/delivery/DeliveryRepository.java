package com.dravo.webhooks.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.dravo.webhooks.Ids;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Delivery and attempt queries. Every one takes the owner, like the endpoint queries. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, String> {

    /** The owner's delivery to that endpoint, or null; ill-formed ids are never queried. */
    public Uni<Delivery> findOwned(String owner, String endpointId, String id) {
        if (!Ids.isWellFormed(id, Ids.DELIVERY)) {
            return Uni.createFrom().nullItem();
        }
        return find("owner = :owner and endpointId = :endpoint and id = :id",
                Parameters.with("owner", owner).and("endpoint", endpointId).and("id", id))
                .firstResult();
    }

    /** Up to {@code limit} deliveries to the endpoint before the cursor, newest first. */
    public Uni<List<Delivery>> listOwned(String owner, String endpointId,
            DeliveryStatus status, long beforeSeq, int limit) {
        Parameters parameters = Parameters.with("owner", owner).and("endpoint", endpointId)
                .and("before", beforeSeq);
        String query = "owner = :owner and endpointId = :endpoint and seq < :before";
        if (status != null) {
            query += " and status = :status";
            parameters = parameters.and("status", status);
        }

        return find(query + " order by seq desc", parameters).range(0, limit - 1).list();
    }

    /** The newest delivery of each of the endpoints that has one, by endpoint id. */
    public Uni<Map<String, Delivery>> newestOwned(String owner, List<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find("from Delivery newest where newest.owner = :owner "
                + "and newest.endpointId in :endpoints and newest.seq = (select max(d.seq) "
                + "from Delivery d where d.owner = :owner and d.endpointId = newest.endpointId)",
                Parameters.with("owner", owner).and("endpoints", endpointIds))
                .list()
                .map(rows -> rows.stream().collect(Collectors.toMap(
                        row -> row.endpointId, Function.identity())));
    }

    /** The attempts of one of the owner's deliveries, oldest first. */
    public Uni<List<Attempt>> attemptsOwned(String owner, String deliveryId) {
        return Attempt.find("deliveryId = :delivery and deliveryId in "
                + "(select d.id from Delivery d where d.owner = :owner) order by id",
                Parameters.with("delivery", deliveryId).and("owner", owner))
                .list();
    }

    /** Marks the endpoint's pending deliveries cancelled; they will not be tried again. */
    public Uni<Integer> cancelPending(String owner, String endpointId) {
        return update("status = :cancelled, nextAttemptAt = null, updatedAt = :now "
                + "where owner = :owner and endpointId = :endpoint and status = :pending",
                Parameters.with("cancelled", DeliveryStatus.CANCELLED)
                        .and("now", Instant.now().truncatedTo(ChronoUnit.MICROS))
                        .and("owner", owner).and("endpoint", endpointId)
                        .and("pending", DeliveryStatus.PENDING));
    }
}
