package com.dravo.webhooks.delivery;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.endpoint.Endpoint;
import com.dravo.webhooks.endpoint.EndpointService;
import com.dravo.webhooks.event.Event;
import com.dravo.webhooks.web.UnknownResourceException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Queues a new delivery of an event already sent (same event id, same stored body) and makes
 * its first attempt at once, off the request, through the one delivery path. Until the
 * dispatcher exists that attempt is final; the dispatcher will then own the pending row.
 */
@ApplicationScoped
public class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class);

    private final EndpointService endpoints;
    private final DeliveryRepository repository;
    private final DeliveryLog log;
    private final Deliverer deliverer;
    private final Vertx vertx;

    Redelivery(EndpointService endpoints, DeliveryRepository repository, DeliveryLog log,
            Deliverer deliverer, Vertx vertx) {
        this.endpoints = endpoints;
        this.repository = repository;
        this.log = log;
        this.deliverer = deliverer;
        this.vertx = vertx;
    }

    public Uni<DeliveryOut> redeliver(String owner, String endpointId, String deliveryId) {
        // Locked, so a concurrent deactivation cannot miss the pending row made here.
        return Panache.withTransaction(() -> endpoints.findLocked(owner, endpointId)
                .invoke(Redelivery::refuseInactive)
                .flatMap(endpoint -> eventOf(owner, endpoint.id, deliveryId)
                        .flatMap(event -> queue(endpoint, event))))
                .invoke(queued -> attemptInBackground(queued.job()))
                .map(queued -> DeliveryOut.of(queued.delivery()));
    }

    private Uni<Event> eventOf(String owner, String endpointId, String deliveryId) {
        return repository.findOwned(owner, endpointId, deliveryId)
                .onItem().ifNotNull().transformToUni(delivery -> Event.findOwned(owner,
                        delivery.eventId))
                .onItem().ifNull().failWith(() -> new UnknownResourceException("delivery"));
    }

    private Uni<Queued> queue(Endpoint endpoint, Event event) {
        return log.queue(endpoint, event)
                .invoke(delivery -> LOG.infof("delivery %s of event %s to endpoint %s queued "
                        + "again", delivery.id, event.id, endpoint.id))
                .map(delivery -> new Queued(delivery, DeliveryJob.of(delivery, endpoint, event)));
    }

    /**
     * Runs after the commit on a context of its own, so the answer never waits for it and the
     * attempt's transaction shares nothing with the request's; marked safe for Panache.
     */
    private void attemptInBackground(DeliveryJob job) {
        Context context = VertxContext.createNewDuplicatedContext(
                vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);

        context.runOnContext(ignored -> attemptOnce(job).subscribe().with(recorded -> { },
                failure -> LOG.errorf(failure, "delivery %s: the attempt could not be recorded",
                        job.deliveryId())));
    }

    private Uni<Delivery> attemptOnce(DeliveryJob job) {
        Instant attemptedAt = Instant.now();
        return deliverer.attempt(job)
                .flatMap(outcome -> log.record(job, outcome, attemptedAt, null));
    }

    private static void refuseInactive(Endpoint endpoint) {
        if (!endpoint.active) {
            throw new EndpointInactiveException();
        }
    }

    private record Queued(Delivery delivery, DeliveryJob job) {
    }
}
