package com.dravo.webhooks.delivery;

import java.time.Instant;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import com.dravo.webhooks.endpoint.Endpoint;
import com.dravo.webhooks.endpoint.EndpointService;
import com.dravo.webhooks.event.Event;
import com.dravo.webhooks.event.EventEnvelope;
import com.dravo.webhooks.event.EventType;
import com.dravo.webhooks.event.SampleData;
import com.dravo.webhooks.web.InvalidRequestException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Sends one signed sample event to an endpoint now and reports how it went. */
@ApplicationScoped
public class TestDeliveryService {

    private final EndpointService endpoints;
    private final DeliveryLog log;
    private final Deliverer deliverer;
    private final ObjectMapper mapper;
    private final TestSendLimit limit;

    TestDeliveryService(EndpointService endpoints, DeliveryLog log, Deliverer deliverer,
            ObjectMapper mapper, TestSendLimit limit) {
        this.limit = limit;
        this.endpoints = endpoints;
        this.log = log;
        this.deliverer = deliverer;
        this.mapper = mapper;
    }

    public Uni<TestDelivery> send(String owner, String endpointId, TestEventIn in) {
        return endpoints.find(owner, endpointId)
                .flatMap(endpoint -> open(endpoint, sampleEvent(endpoint, in)))
                .flatMap(this::attemptOnce);
    }

    /** The limit check and the record of the send share one transaction. */
    private Uni<DeliveryJob> open(Endpoint endpoint, Event event) {
        return Panache.withTransaction(() -> limit.acquire(endpoint.id)
                .flatMap(allowed -> log.open(endpoint, event)));
    }

    private Uni<TestDelivery> attemptOnce(DeliveryJob job) {
        Instant attemptedAt = Instant.now();
        return deliverer.attempt(job)
                .flatMap(outcome -> log.record(job, outcome, attemptedAt, null)
                        .map(delivery -> new TestDelivery(delivery.id, delivery.eventType,
                                outcome.statusCode(), delivery.attempts, delivery.eventId,
                                outcome.succeeded(), outcome.durationMs(), outcome.error())));
    }

    private Event sampleEvent(Endpoint endpoint, TestEventIn in) {
        EventType type = typeFor(endpoint, in == null ? null : in.eventType());
        Instant now = Instant.now();
        return EventEnvelope.create(type, true, SampleData.of(type, now), now)
                .toEvent(endpoint.owner, mapper);
    }

    private static EventType typeFor(Endpoint endpoint, String requested) {
        String name = requested == null ? endpoint.events[0] : requested;
        if (!Arrays.asList(endpoint.events).contains(name)) {
            throw new InvalidRequestException("invalid_event_type", "event_type",
                    "event_type must be one of this endpoint's events: "
                            + String.join(", ", endpoint.events));
        }
        return EventType.fromWireName(name).orElseThrow();
    }
}
