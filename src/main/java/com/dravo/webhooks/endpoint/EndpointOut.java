package com.dravo.webhooks.endpoint;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An endpoint as the API shows it. {@code signing_secret} is present only in the answer to
 * the registration; no other answer ever carries it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndpointOut(String id, String url, List<String> events, boolean active,
        Instant createdAt, Instant updatedAt, String signingSecret) {

    static EndpointOut of(Endpoint endpoint) {
        return new EndpointOut(endpoint.id, endpoint.url, List.of(endpoint.events),
                endpoint.active, endpoint.createdAt, endpoint.updatedAt, null);
    }

    static EndpointOut registered(Endpoint endpoint, String signingSecret) {
        EndpointOut out = of(endpoint);
        return new EndpointOut(out.id, out.url, out.events, out.active, out.createdAt,
                out.updatedAt, signingSecret);
    }
}
