package com.dravo.webhooks.delivery;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One try of a delivery, as the receiver answered it (or why it could not). */
@Entity
@Table(name = "attempt")
public class Attempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String deliveryId;

    public Instant attemptedAt;

    public int durationMs;

    public Integer statusCode;

    public String error;

    /** The response headers as a JSON object. */
    public String responseHeaders;

    /** The first 4 KiB of the response body, as text. */
    public String responseBody;
}
