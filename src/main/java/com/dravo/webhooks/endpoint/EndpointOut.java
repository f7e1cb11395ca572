package com.dravo.webhooks.endpoint;

import java.time.Instant;
import java.util.List;

import com.dravo.webhooks.delivery.Delivery;
import com.dravo.webhooks.delivery.DeliveryStatus;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An endpoint as the API shows it. {@code signing_secret} is present only in the answers to
 * the registration and to a rotation; no other answer ever carries it.
 *
 * @param lastDeliveryAt when its newest delivery was created; absent before any delivery
 * @param lastStatus the status of that newest delivery; absent before any delivery
 * @param disabledReason why the service turned the endpoint off; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record EndpointOut(String id, String url, List<String> events, boolean active,
        Instant createdAt, Instant updatedAt, Instant lastDeliveryAt, DeliveryStatus lastStatus,
        String disabledReason, String signingSecret) {

    static EndpointOut of(Endpoint endpoint, Delivery newest) {
        return new EndpointOut(endpoint.id, endpoint.url, List.of(endpoint.events),
                endpoint.active, endpoint.createdAt, endpoint.updatedAt,
                newest == null ? null : newest.createdAt,
                newest == null ? null : newest.status,
                endpoint.active ? null : endpoint.disabledReason, null);
    }

    static EndpointOut withSecret(Endpoint endpoint, Delivery newest, String signingSecret) {
        EndpointOut out = of(endpoint, newest);
        return new EndpointOut(out.id, out.url, out.events, out.active, out.createdAt,
                out.updatedAt, out.lastDeliveryAt, out.lastStatus, out.disabledReason,
                signingSecret);
    }
}
