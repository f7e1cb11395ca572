package com.dravo.webhooks.endpoint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.dravo.webhooks.security.CurrentOwner;
import com.dravo.webhooks.web.PageLinks;
import com.dravo.webhooks.web.PageRequest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's webhook endpoints: list, register, read, change, delete, rotate the secret. */
@Path("/v1/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EndpointResource {

    private final EndpointService endpoints;
    private final EndpointLifecycleService lifecycle;
    private final CurrentOwner owner;

    EndpointResource(EndpointService endpoints, EndpointLifecycleService lifecycle,
            CurrentOwner owner) {
        this.endpoints = endpoints;
        this.lifecycle = lifecycle;
        this.owner = owner;
    }

    @GET
    public Uni<Response> list(@RestQuery String limit,
            @RestQuery("starting_after") String startingAfter) {
        PageRequest request = PageRequest.of(limit, startingAfter);

        return endpoints.list(owner.id(), request)
                .map(page -> PageLinks.withNext(Response.ok(page.items()), page, request,
                        "/v1/webhooks", "").build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> register(EndpointIn in) {
        return endpoints.register(owner.id(), in)
                .map(created -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/v1/webhooks/" + created.id())
                        .entity(created)
                        .build());
    }

    @GET
    @Path("{id}")
    public Uni<EndpointOut> get(@RestPath String id) {
        return endpoints.get(owner.id(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EndpointOut> update(@RestPath String id, EndpointPatch patch) {
        return lifecycle.update(owner.id(), id, patch);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@RestPath String id) {
        return lifecycle.delete(owner.id(), id)
                .map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotate-secret")
    public Uni<EndpointOut> rotateSecret(@RestPath String id) {
        return lifecycle.rotateSecret(owner.id(), id);
    }
}
