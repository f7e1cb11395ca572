package com.dravo.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.endpoint.Endpoint;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Tracks whether an endpoint keeps failing, inside the transaction that records an attempt,
 * and turns it off (cancelling what it still has pending) when a receiver says it is gone
 * or has failed every delivery for {@code dravo.delivery.disable-after}.
 */
@ApplicationScoped
class EndpointHealth {

    private static final Logger LOG = Logger.getLogger(EndpointHealth.class);

    private final Duration disableAfter;

    EndpointHealth(DeliveryConfig config) {
        this.disableAfter = config.disableAfter();
    }

    /**
     * Moves the endpoint's health on after an attempt of {@code delivery}; answers whether
     * the endpoint was turned off now (its other pending deliveries are then cancelled).
     */
    Uni<Boolean> update(Delivery delivery, AttemptOutcome outcome,
            RetryPolicy.Decision decision, Instant attemptedAt) {
        return Endpoint.<Endpoint>findById(delivery.endpointId)
                .flatMap(endpoint -> endpoint == null
                        ? Uni.createFrom().item(false)
                        : apply(endpoint, delivery, outcome, decision, attemptedAt));
    }

    private Uni<Boolean> apply(Endpoint endpoint, Delivery delivery, AttemptOutcome outcome,
            RetryPolicy.Decision decision, Instant attemptedAt) {
        if (outcome.succeeded()) {
            endpoint.failingSince = null;
            return Uni.createFrom().item(false);
        }
        if (endpoint.failingSince == null) {
            endpoint.failingSince = attemptedAt;
        }

        String reason = decision.disableReason();
        if (reason == null && endpoint.active
                && endpoint.failingSince.plus(disableAfter).isBefore(attemptedAt)) {
            reason = "every delivery failed for " + disableAfter.toHours() + " h";
        }
        return reason == null || !endpoint.active
                ? Uni.createFrom().item(false)
                : disable(endpoint, delivery.id, reason, attemptedAt).replaceWith(true);
    }

    private Uni<Void> disable(Endpoint endpoint, String currentDelivery, String reason,
            Instant at) {
        endpoint.active = false;
        endpoint.disabledReason = reason;
        endpoint.updatedAt = at;
        LOG.warnf("endpoint %s disabled: %s", endpoint.id, reason);

        return Panache.getSession()
                .flatMap(session -> session.createMutationQuery("update Delivery"
                        + " set status = :cancelled, nextAttemptAt = null"
                        + " where endpointId = :endpoint and status = :pending"
                        + " and id <> :current")
                        .setParameter("current", currentDelivery)
                        .setParameter("cancelled", DeliveryStatus.CANCELLED)
                        .setParameter("pending", DeliveryStatus.PENDING)
                        .setParameter("endpoint", endpoint.id)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
