package com.dravo.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.endpoint.Endpoint;
import com.dravo.webhooks.endpoint.EndpointService;
import com.dravo.webhooks.event.Event;
import com.dravo.webhooks.web.UnknownResourceException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Queues a new delivery of an event already sent (same event id, same stored body); its
 * commit wakes the dispatchers, which send it (and retry it) like any other delivery.
 */
@ApplicationScoped
public class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class);

    private final EndpointService endpoints;
    private final DeliveryRepository repository;
    private final DeliveryLog log;

    Redelivery(EndpointService endpoints, DeliveryRepository repository, DeliveryLog log) {
        this.endpoints = endpoints;
        this.repository = repository;
        this.log = log;
    }

    public Uni<DeliveryOut> redeliver(String owner, String endpointId, String deliveryId) {
        // Locked, so a concurrent deactivation cannot miss the pending row made here.
        return Panache.withTransaction(() -> endpoints.findLocked(owner, endpointId)
                .invoke(EndpointInactiveException::requireActive)
                .flatMap(endpoint -> eventOf(owner, endpoint.id, deliveryId)
                        .flatMap(event -> queue(endpoint, event))))
                .map(DeliveryOut::of);
    }

    private Uni<Event> eventOf(String owner, String endpointId, String deliveryId) {
        return repository.findOwned(owner, endpointId, deliveryId)
                .onItem().ifNotNull().transformToUni(delivery -> Event.findOwned(owner,
                        delivery.eventId))
                .onItem().ifNull().failWith(() -> new UnknownResourceException("delivery"));
    }

    private Uni<Delivery> queue(Endpoint endpoint, Event event) {
        return log.queue(endpoint, event)
                .invoke(delivery -> LOG.infof("delivery %s of event %s to endpoint %s queued "
                        + "again", delivery.id, event.id, endpoint.id));
    }
}
