package com.dravo.webhooks.event;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.dravo.webhooks.web.ApiDocument;
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
@Tag(name = "Events")
@SecurityRequirement(name = ApiDocument.SERVICE_TOKEN)
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
    @Operation(summary = "Publish an event to every subscribed endpoint of its owner")
    @APIResponse(responseCode = "202",
            description = "The stored event; Idempotent-Replayed: true when a key repeated.")
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<Response> publish(EventIn in, @RestHeader("Idempotency-Key") String key) {
        return events.publish(token.getSubject(), key, in)
                .map(published -> Response.accepted(published.event())
                        .header("Idempotent-Replayed", published.replayed() ? "true" : null)
                        .build());
    }
}
