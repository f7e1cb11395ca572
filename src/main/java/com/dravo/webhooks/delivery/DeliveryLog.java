package com.dravo.webhooks.delivery;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.Ids;
import com.dravo.webhooks.endpoint.Endpoint;
import com.dravo.webhooks.event.Event;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes deliveries and their attempts: the record of what was sent and what came back. */
@ApplicationScoped
public class DeliveryLog {

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class);

    private final ObjectMapper mapper;
    private final DeliveryMetrics metrics;

    DeliveryLog(ObjectMapper mapper, DeliveryMetrics metrics) {
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Stores the event and one pending delivery of it to the endpoint, in one transaction. */
    @WithTransaction
    public Uni<DeliveryJob> open(Endpoint endpoint, Event event) {
        Delivery delivery = new Delivery();
        delivery.id = Ids.delivery();
        delivery.owner = endpoint.owner;
        delivery.endpointId = endpoint.id;
        delivery.eventId = event.id;
        delivery.eventType = event.type;
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = now();
        delivery.updatedAt = delivery.createdAt;

        DeliveryJob job = new DeliveryJob(delivery.id, endpoint.id, endpoint.url, event.id,
                event.type, event.body, List.of(endpoint.sealedSecret()), 0);
        return event.persist()
                .flatMap(saved -> delivery.persist())
                .replaceWith(job);
    }

    /**
     * Records one attempt and moves the delivery on: succeeded, failed for good when
     * {@code nextAttemptAt} is null, or pending until then.
     */
    @WithTransaction
    public Uni<Delivery> record(DeliveryJob job, AttemptOutcome outcome, Instant attemptedAt,
            Instant nextAttemptAt) {
        Attempt attempt = new Attempt();
        attempt.deliveryId = job.deliveryId();
        attempt.attemptedAt = attemptedAt.truncatedTo(ChronoUnit.MICROS);
        attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, outcome.durationMs());
        attempt.statusCode = outcome.statusCode();
        attempt.error = outcome.error();
        attempt.responseHeaders = json(outcome);
        attempt.responseBody = outcome.responseBody();

        return attempt.persist()
                .flatMap(saved -> Delivery.<Delivery>findById(job.deliveryId()))
                .invoke(delivery -> advance(delivery, outcome, nextAttemptAt))
                .invoke(delivery -> log(delivery, outcome))
                .invoke(delivery -> metrics.attempted(job.eventType(), outcome, delivery.status));
    }

    private static void advance(Delivery delivery, AttemptOutcome outcome, Instant next) {
        delivery.attempts += 1;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.claimedUntil = null;
        delivery.updatedAt = now();
        if (outcome.succeeded()) {
            delivery.status = DeliveryStatus.SUCCEEDED;
            delivery.nextAttemptAt = null;
        } else if (next == null) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
        } else {
            delivery.nextAttemptAt = next;
        }
    }

    private static void log(Delivery delivery, AttemptOutcome outcome) {
        LOG.infof("delivery %s of event %s to endpoint %s: attempt %d %s, status %s, %d ms",
                delivery.id, delivery.eventId, delivery.endpointId, delivery.attempts,
                outcome.succeeded() ? "succeeded" : "failed (" + outcome.error() + ")",
                outcome.statusCode(), outcome.durationMs());
    }

    private String json(AttemptOutcome outcome) {
        try {
            return mapper.writeValueAsString(outcome.responseHeaders());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response headers cannot be serialised", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
