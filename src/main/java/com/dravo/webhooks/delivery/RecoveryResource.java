package com.dravo.webhooks.delivery;

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
public class RecoveryResource {

    private final Recovery recovery;
    private final CurrentOwner owner;

    RecoveryResource(Recovery recovery, CurrentOwner owner) {
        this.recovery = recovery;
        this.owner = owner;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> recover(@RestPath String id, RecoveryIn in) {
        return recovery.recover(owner.id(), id, in)
                .map(recovered -> Response.accepted(recovered).build());
    }
}
