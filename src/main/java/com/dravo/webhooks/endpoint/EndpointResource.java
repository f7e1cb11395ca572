package com.dravo.webhooks.endpoint;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import com.dravo.webhooks.security.CurrentOwner;
import com.dravo.webhooks.web.Page;
import com.dravo.webhooks.web.PageRequest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's webhook endpoints: list and register. */
@Path("/v1/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EndpointResource {

    private final EndpointService endpoints;
    private final CurrentOwner owner;

    EndpointResource(EndpointService endpoints, CurrentOwner owner) {
        this.endpoints = endpoints;
        this.owner = owner;
    }

    @GET
    public Uni<Response> list(@RestQuery String limit,
            @RestQuery("starting_after") String startingAfter) {
        PageRequest request = PageRequest.of(limit, startingAfter);

        return endpoints.list(owner.id(), request)
                .map(page -> withNextLink(Response.ok(page.items()), page, request).build());
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

    private static Response.ResponseBuilder withNextLink(Response.ResponseBuilder response,
            Page<?> page, PageRequest request) {
        if (page.nextCursor() == null) {
            return response;
        }
        String next = "/v1/webhooks?limit=" + request.limit()
                + "&starting_after=" + page.nextCursor();
        return response.header("Link", "<" + next + ">; rel=\"next\"");
    }
}
