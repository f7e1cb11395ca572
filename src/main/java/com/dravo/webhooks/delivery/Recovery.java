package com.dravo.webhooks.delivery;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.endpoint.EndpointService;
import com.dravo.webhooks.web.InvalidRequestException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * Sends an endpoint's failed deliveries of a time window again, from the first step of the
 * retry schedule: what an owner needs after their receiver was down for a while.
 */
@ApplicationScoped
public class Recovery {

    private static final Logger LOG = Logger.getLogger(Recovery.class);

    /** How many deliveries were queued again. */
    @RegisterForReflection
    public record Recovered(int recovered) {
    }

    private final EndpointService endpoints;
    private final DeliveryLog log;

    Recovery(EndpointService endpoints, DeliveryLog log) {
        this.endpoints = endpoints;
        this.log = log;
    }

    public Uni<Recovered> recover(String owner, String endpointId, RecoveryIn in) {
        Instant now = Instant.now();
        Instant since = sinceOf(in, now);
        Instant until = in.until() == null ? now : in.until().toInstant();
        if (!until.isAfter(since)) {
            throw new InvalidRequestException("invalid_window", "until",
                    "until must be later than since");
        }

        return Panache.withTransaction(() -> endpoints.findLocked(owner, endpointId)
                .invoke(EndpointInactiveException::requireActive)
                .flatMap(endpoint -> log.requeueFailed(endpoint.id, since, until)))
                .invoke(count -> LOG.infof("endpoint %s: %d failed deliveries queued again",
                        endpointId, count))
                .map(Recovered::new);
    }

    private static Instant sinceOf(RecoveryIn in, Instant now) {
        if (in == null || in.since() == null) {
            throw new InvalidRequestException("invalid_window", "since",
                    "since is required, as an ISO-8601 time such as 2026-12-04T10:00:00Z");
        }
        Instant since = in.since().toInstant();
        if (since.isAfter(now)) {
            throw new InvalidRequestException("invalid_window", "since",
                    "since must not be in the future");
        }
        return since;
    }
}
