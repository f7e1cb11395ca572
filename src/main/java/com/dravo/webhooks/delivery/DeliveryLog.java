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

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes deliveries and their attempts: the record of what was sent and what came back. */
@ApplicationScoped
public class DeliveryLog {

    private static final Logger LOG = Logger.getLogger(DeliveryLog.class);

    /** The PostgreSQL channel on which queued deliveries wake the dispatchers. */
    static final String CHANNEL = "dravo_deliveries";

    private final ObjectMapper mapper;
    private final RetryPolicy retries;
    private final EndpointHealth health;
    private final DeliveryMetrics metrics;

    DeliveryLog(ObjectMapper mapper, RetryPolicy retries, EndpointHealth health,
            DeliveryMetrics metrics) {
        this.mapper = mapper;
        this.retries = retries;
        this.health = health;
        this.metrics = metrics;
    }

    /**
     * Stores a test event and one delivery of it to the endpoint, in one transaction. It is
     * attempted by the caller, never by a dispatcher: it has no next attempt time.
     */
    @WithTransaction
    public Uni<DeliveryJob> open(Endpoint endpoint, Event event) {
        Delivery delivery = pending(endpoint, event, now());
        delivery.nextAttemptAt = null;

        return event.persist()
                .flatMap(saved -> delivery.persist())
                .map(saved -> DeliveryJob.of(delivery, endpoint, event));
    }

    /** Stores one more delivery of an event already stored, due now, for a dispatcher. */
    @WithTransaction
    public Uni<Delivery> queue(Endpoint endpoint, Event event) {
        Delivery delivery = pending(endpoint, event, now());

        return delivery.<Delivery>persist()
                .flatMap(saved -> notifyDispatchers().replaceWith(saved));
    }

    /**
     * Queues one delivery of a published event per endpoint, due now, inside the caller's
     * transaction; the notification reaches the dispatchers when that transaction commits.
     */
    public Uni<Void> queue(Event event, List<Endpoint> endpoints) {
        Instant now = now();
        List<Delivery> deliveries = endpoints.stream()
                .map(endpoint -> pending(endpoint, event, now))
                .toList();
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Delivery.persist(deliveries).flatMap(saved -> notifyDispatchers());
    }

    /** Delivered to every listening replica when the current transaction commits. */
    private static Uni<Void> notifyDispatchers() {
        return Panache.getSession()
                .flatMap(session -> session
                        .createNativeQuery("select 1 from pg_notify('" + CHANNEL + "', '')")
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Makes the endpoint's failed deliveries created in [since, until) pending again from the
     * first retry step, inside the caller's transaction, and wakes the dispatchers.
     */
    public Uni<Integer> requeueFailed(String endpointId, Instant since, Instant until) {
        return Panache.getSession()
                .flatMap(session -> session.createMutationQuery("update Delivery"
                        + " set status = :pending, nextAttemptAt = :now, scheduleStep = 0,"
                        + " claimedUntil = null, updatedAt = :now"
                        + " where endpointId = :endpoint and status = :failed"
                        + " and createdAt >= :since and createdAt < :until")
                        .setParameter("pending", DeliveryStatus.PENDING)
                        .setParameter("failed", DeliveryStatus.FAILED)
                        .setParameter("now", now())
                        .setParameter("endpoint", endpointId)
                        .setParameter("since", since)
                        .setParameter("until", until)
                        .executeUpdate())
                .call(count -> count == 0 ? Uni.createFrom().voidItem() : notifyDispatchers());
    }

    public Uni<Long> countDeliveries(String eventId) {
        return Delivery.count("eventId", eventId);
    }

    /**
     * Records one attempt and moves the delivery on: succeeded, failed for good when
     * {@code nextAttemptAt} is null, or pending until then.
     */
    @WithTransaction
    public Uni<Delivery> record(DeliveryJob job, AttemptOutcome outcome, Instant attemptedAt,
            Instant nextAttemptAt) {
        return persistAttempt(job, outcome, attemptedAt)
                .flatMap(saved -> Delivery.<Delivery>findById(job.deliveryId()))
                .invoke(delivery -> advance(delivery, outcome, nextAttemptAt))
                .invoke(delivery -> report(job, delivery, outcome));
    }

    /**
     * Records an attempt of a real event and schedules what follows by the retry policy; the
     * endpoint's health moves with it (a 410, or failing too long, turns it off).
     */
    @WithTransaction
    public Uni<Delivery> recordAndSchedule(DeliveryJob job, AttemptOutcome outcome,
            Instant attemptedAt) {
        return persistAttempt(job, outcome, attemptedAt)
                .flatMap(saved -> Delivery.<Delivery>findById(job.deliveryId()))
                .flatMap(delivery -> {
                    RetryPolicy.Decision decision = retries.decide(delivery.scheduleStep,
                            outcome, attemptedAt);
                    advance(delivery, outcome, decision.nextAttemptAt());
                    delivery.scheduleStep += decision.nextAttemptAt() == null ? 0 : 1;
                    report(job, delivery, outcome);
                    return health.update(delivery, outcome, decision, attemptedAt)
                            .invoke(disabled -> cancelIfDisabled(delivery, disabled))
                            .replaceWith(delivery);
                });
    }

    private Uni<Attempt> persistAttempt(DeliveryJob job, AttemptOutcome outcome,
            Instant attemptedAt) {
        Attempt attempt = new Attempt();
        attempt.deliveryId = job.deliveryId();
        attempt.attemptedAt = attemptedAt.truncatedTo(ChronoUnit.MICROS);
        attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, outcome.durationMs());
        attempt.statusCode = outcome.statusCode();
        attempt.error = outcome.error();
        attempt.responseHeaders = json(outcome);
        attempt.responseBody = outcome.responseBody();
        return attempt.persist();
    }

    private static Delivery pending(Endpoint endpoint, Event event, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = Ids.delivery();
        delivery.owner = endpoint.owner;
        delivery.endpointId = endpoint.id;
        delivery.eventId = event.id;
        delivery.eventType = event.type;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        return delivery;
    }

    private static void advance(Delivery delivery, AttemptOutcome outcome, Instant next) {
        delivery.attempts += 1;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.claimedUntil = null;
        delivery.updatedAt = now();
        if (delivery.status == DeliveryStatus.CANCELLED) {
            // Cancelled while this attempt was in flight: the attempt is logged, never retried.
            delivery.nextAttemptAt = null;
        } else if (outcome.succeeded()) {
            delivery.status = DeliveryStatus.SUCCEEDED;
            delivery.nextAttemptAt = null;
        } else if (next == null) {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = null;
        } else {
            delivery.nextAttemptAt = next;
        }
    }

    private static void cancelIfDisabled(Delivery delivery, boolean endpointDisabled) {
        if (endpointDisabled && delivery.status == DeliveryStatus.PENDING) {
            delivery.status = DeliveryStatus.CANCELLED;
            delivery.nextAttemptAt = null;
        }
    }

    /** One log line and the metrics of an attempt, from the one place that records them. */
    private void report(DeliveryJob job, Delivery delivery, AttemptOutcome outcome) {
        log(delivery, outcome);
        metrics.attempted(job.eventType(), outcome, delivery.status);
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
