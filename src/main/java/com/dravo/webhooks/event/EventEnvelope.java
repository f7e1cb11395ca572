package com.dravo.webhooks.event;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.dravo.webhooks.Ids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON body a receiver gets: {@code {id, type, created_at, test, data}}. */
@RegisterForReflection
public record EventEnvelope(String id, String type, Instant createdAt, boolean test,
        Map<String, Object> data) {

    public static EventEnvelope create(EventType type, boolean test, Map<String, Object> data,
            Instant now) {
        return new EventEnvelope(Ids.event(), type.wireName(),
                now.truncatedTo(ChronoUnit.SECONDS), test, data);
    }

    /** Serialises once; the stored string is what gets signed and sent from then on. */
    public Event toEvent(String owner, ObjectMapper mapper) {
        Event event = new Event();
        event.id = id;
        event.owner = owner;
        event.type = type;
        event.test = test;
        event.createdAt = createdAt;
        try {
            event.body = mapper.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be serialised", e);
        }
        return event;
    }
}
