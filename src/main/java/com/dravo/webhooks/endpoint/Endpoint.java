package com.dravo.webhooks.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.dravo.webhooks.signing.SealedSecret;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A receiver URL registered by an owner, the events it hears and its sealed secret, with the
 * secret a rotation replaced while it still signs.
 */
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

    public String previousSecretKeyId;

    public byte[] previousSecretSealed;

    public Instant previousSecretExpiresAt;

    public Instant createdAt;

    public Instant updatedAt;

    /** Set by a delete; such an endpoint is in no listing and answers no route. */
    public Instant deletedAt;

    public SealedSecret sealedSecret() {
        return new SealedSecret(secretKeyId, secretSealed);
    }

    /** The secrets that sign an attempt made at {@code now}, newest first. */
    public List<SealedSecret> signingSecrets(Instant now) {
        if (previousSecretSealed == null || !previousSecretExpiresAt.isAfter(now)) {
            return List.of(sealedSecret());
        }
        SealedSecret previous = new SealedSecret(previousSecretKeyId, previousSecretSealed);
        return List.of(sealedSecret(), previous);
    }

    /**
     * Makes {@code next} the secret and keeps the current one signing until {@code now} plus
     * the overlap. A secret replaced earlier is dropped, even within its own overlap.
     */
    void rotateSecret(SealedSecret next, Instant now, Duration overlap) {
        if (overlap.isZero() || overlap.isNegative()) {
            forgetPreviousSecret();
        } else {
            previousSecretKeyId = secretKeyId;
            previousSecretSealed = secretSealed;
            previousSecretExpiresAt = now.plus(overlap);
        }
        secretKeyId = next.keyId();
        secretSealed = next.sealed();
        updatedAt = now;
    }

    void forgetPreviousSecret() {
        previousSecretKeyId = null;
        previousSecretSealed = null;
        previousSecretExpiresAt = null;
    }
}
