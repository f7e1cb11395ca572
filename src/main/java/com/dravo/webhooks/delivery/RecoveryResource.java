package com.dravo.webhooks.delivery;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.dravo.webhooks.web.ApiDocument;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import com.dravo.webhooks.security.CurrentOwner;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Queues an endpoint's failed deliveries of a time window again. */
@Path("/v1/webhooks/{id}/recover")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@SecurityRequirement(name = ApiDocument.DASHBOARD_TOKEN)
public class RecoveryResource {

    private final Recovery recovery;
    private final CurrentOwner owner;

    RecoveryResource(Recovery recovery, CurrentOwner owner) {
        this.recovery = recovery;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue the endpoint's failed deliveries of a time window again")
    @APIResponse(responseCode = "202", description = "How many deliveries were queued again.")
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<Response> recover(@RestPath String id, RecoveryIn in) {
        return recovery.recover(owner.id(), id, in)
                .map(recovered -> Response.accepted(recovered).build());
    }
}
