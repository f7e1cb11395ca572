package com.dravo.webhooks.event;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/**
 * One event as it was serialised: {@link #body} holds the exact UTF-8 bytes that every
 * attempt of every delivery of it signs and sends.
 */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    public String id;

    public String owner;

    public String type;

    public String body;

    public boolean test;

    /** The service that published it (its token's subject); null for test events. */
    public String publisher;

    /** The publisher's Idempotency-Key, if it sent one. */
    public String idempotencyKey;

    public Instant createdAt;

    public static Uni<Event> findOwned(String owner, String id) {
        return find("owner = ?1 and id = ?2", owner, id).firstResult();
    }
}
