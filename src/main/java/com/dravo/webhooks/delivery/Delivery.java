package com.dravo.webhooks.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One event on its way to one endpoint: its state and when it is next tried. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public String id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    public String owner;

    public String endpointId;

    public String eventId;

    public String eventType;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;

    public int attempts;

    /** The retry schedule step this delivery is on; a recovery starts it again. */
    public int scheduleStep;

    public Integer lastStatusCode;

    public Instant nextAttemptAt;

    public Instant claimedUntil;

    public Instant createdAt;

    public Instant updatedAt;
}
