package com.dravo.webhooks.event;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestHeader;

import io.smallrye.mutiny.Uni;

/** Where other Dravo services publish events; their tokens carry {@code events:publish}. */
@Path("/v1/events")
@RolesAllowed(EventResource.PUBLISH)
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    static final String PUBLISH = "events:publish";

    private final EventService events;
    private final JsonWebToken token;

    EventResource(EventService events, JsonWebToken token) {
        this.events = events;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> publish(EventIn in, @RestHeader("Idempotency-Key") String key) {
        return events.publish(token.getSubject(), key, in)
                .map(published -> Response.accepted(published.event())
                        .header("Idempotent-Replayed", published.replayed() ? "true" : null)
                        .build());
    }
}
