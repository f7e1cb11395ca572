package com.dravo.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import com.dravo.webhooks.endpoint.EndpointService;
import com.dravo.webhooks.web.InvalidRequestException;
import com.dravo.webhooks.web.Page;
import com.dravo.webhooks.web.PageRequest;
import com.dravo.webhooks.web.UnknownResourceException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads the delivery log of one of an owner's endpoints. */
@ApplicationScoped
public class DeliveryLogService {

    private final EndpointService endpoints;
    private final DeliveryRepository repository;

    DeliveryLogService(EndpointService endpoints, DeliveryRepository repository) {
        this.endpoints = endpoints;
        this.repository = repository;
    }

    /** The endpoint's deliveries, newest first, optionally of one status only. */
    public Uni<Page<DeliveryOut>> list(String owner, String endpointId, DeliveryStatus status,
            PageRequest page) {
        return Panache.withSession(() -> endpoints.find(owner, endpointId)
                .flatMap(endpoint -> cursorOf(owner, endpointId, page.startingAfter()))
                .flatMap(before -> repository.listOwned(owner, endpointId, status, before,
                        page.limit() + 1)))
                .map(rows -> Page.of(rows, page.limit(), DeliveryOut::of, row -> row.id));
    }

    /** One delivery of the endpoint with all its attempts. */
    public Uni<DeliveryDetail> get(String owner, String endpointId, String deliveryId) {
        return Panache.withSession(() -> find(owner, endpointId, deliveryId)
                .flatMap(delivery -> repository.attemptsOwned(owner, delivery.id)
                        .map(attempts -> DeliveryDetail.of(delivery, attempts))));
    }

    /** The delivery, or 404 when the endpoint or the delivery is not the caller's. */
    Uni<Delivery> find(String owner, String endpointId, String deliveryId) {
        return endpoints.find(owner, endpointId)
                .flatMap(endpoint -> repository.findOwned(owner, endpoint.id, deliveryId))
                .onItem().ifNull().failWith(() -> new UnknownResourceException("delivery"));
    }

    private Uni<Long> cursorOf(String owner, String endpointId, String startingAfter) {
        if (startingAfter == null) {
            return Uni.createFrom().item(Long.MAX_VALUE);
        }
        return repository.findOwned(owner, endpointId, startingAfter)
                .onItem().ifNull().failWith(() -> new InvalidRequestException("invalid_cursor",
                        "starting_after", "starting_after must be the id of one of your items"))
                .map(delivery -> delivery.seq);
    }
}
