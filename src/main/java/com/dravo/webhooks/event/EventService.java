package com.dravo.webhooks.event;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.delivery.DeliveryLog;
import com.dravo.webhooks.endpoint.Endpoint;
import com.dravo.webhooks.endpoint.EndpointRepository;
import com.dravo.webhooks.security.CurrentOwner;
import com.dravo.webhooks.web.InvalidRequestException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Accepts a published event: stores it and one delivery per subscribed endpoint in one
 * transaction, so an accepted event is never lost; its commit wakes the dispatchers.
 */
@ApplicationScoped
public class EventService {

    private static final Logger LOG = Logger.getLogger(EventService.class);
    private static final int MAX_KEY_LENGTH = 255;

    private final EndpointRepository endpoints;
    private final DeliveryLog log;
    private final ObjectMapper mapper;

    EventService(EndpointRepository endpoints, DeliveryLog log, ObjectMapper mapper) {
        this.endpoints = endpoints;
        this.log = log;
        this.mapper = mapper;
    }

    /** An event as answered to the publisher, and whether it is a replay of an earlier one. */
    public record Published(PublishedEvent event, boolean replayed) {
    }

    public Uni<Published> publish(String publisher, String idempotencyKey, EventIn in) {
        EventType type = validate(in, idempotencyKey);

        return Panache.withTransaction(() -> lockKey(publisher, idempotencyKey)
                .flatMap(locked -> earlier(publisher, idempotencyKey))
                .flatMap(earlier -> earlier != null
                        ? replay(earlier)
                        : store(publisher, idempotencyKey, type, in)));
    }

    private Uni<Published> store(String publisher, String key, EventType type, EventIn in) {
        Instant now = Instant.now();
        Event event = EventEnvelope.create(type, false, in.data(), now).toEvent(in.owner(), mapper);
        event.publisher = publisher;
        event.idempotencyKey = key;

        return event.<Event>persist()
                .flatMap(saved -> endpoints.listSubscribed(in.owner(), type.wireName()))
                .flatMap(subscribed -> log.queue(event, subscribed).replaceWith(subscribed))
                .invoke(subscribed -> LOG.infof("event %s (%s) for owner %s published by %s: "
                        + "%d deliveries", event.id, event.type, event.owner, publisher,
                        subscribed.size()))
                .map(subscribed -> new Published(view(event, subscribed), false));
    }

    private Uni<Published> replay(Event earlier) {
        return log.countDeliveries(earlier.id)
                .map(count -> new Published(new PublishedEvent(earlier.id, earlier.type,
                        earlier.owner, earlier.createdAt, count.intValue()), true));
    }

    /** Serialises publishes that share a key, so a retried publish cannot race the first. */
    private Uni<Object> lockKey(String publisher, String key) {
        if (key == null) {
            return Uni.createFrom().item(1);
        }
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock("
                        + "hashtext('idempotency:' || :publisher || ':' || :key))")
                .setParameter("publisher", publisher)
                .setParameter("key", key)
                .getSingleResult());
    }

    private Uni<Event> earlier(String publisher, String key) {
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        return Event.<Event>find("publisher = :publisher and idempotencyKey = :key"
                + " and createdAt > :since", Parameters.with("publisher", publisher)
                .and("key", key).and("since", Instant.now().minusSeconds(24 * 3600)))
                .firstResult();
    }

    private static PublishedEvent view(Event event, List<Endpoint> subscribed) {
        return new PublishedEvent(event.id, event.type, event.owner, event.createdAt,
                subscribed.size());
    }

    private static EventType validate(EventIn in, String key) {
        if (in == null) {
            throw new InvalidRequestException("missing_body", "", "a JSON body is required");
        }
        EventType type = EventType.fromWireName(in.type()).orElseThrow(() ->
                new InvalidRequestException("invalid_type", "type",
                        "type must be one of: " + EventType.ALLOWED));
        if (!CurrentOwner.isUsable(in.owner())) {
            throw new InvalidRequestException("invalid_owner", "owner",
                    "owner must be a non-empty id of at most 255 printable characters");
        }
        if (in.data() == null) {
            throw new InvalidRequestException("invalid_data", "data",
                    "data must be a JSON object");
        }
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH
                || key.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidRequestException("invalid_idempotency_key", "Idempotency-Key",
                    "Idempotency-Key must be 1 to 255 printable characters");
        }
        return type;
    }
}
