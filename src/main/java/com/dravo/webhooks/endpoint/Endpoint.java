package com.dravo.webhooks.endpoint;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.dravo.webhooks.signing.SealedSecret;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A receiver URL registered by an owner, the events it hears and its sealed secret. */
@Entity
@Table(name = "endpoint")
public class Endpoint extends PanacheEntityBase {

    @Id
    public String id;

    /** Insertion order, for stable pages; assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public String owner;

    public String url;

    public String[] events;

    public boolean active;

    public String secretKeyId;

    public byte[] secretSealed;

    /** Since when every delivery has failed; null while the endpoint is healthy. */
    public Instant failingSince;

    /** Why the service turned the endpoint off, when it did. */
    public String disabledReason;

    public Instant createdAt;

    public Instant updatedAt;

    public SealedSecret sealedSecret() {
        return new SealedSecret(secretKeyId, secretSealed);
    }
}
