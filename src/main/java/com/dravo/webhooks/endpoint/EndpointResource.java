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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.dravo.webhooks.security.CurrentOwner;
import com.dravo.webhooks.web.ApiDocument;
import com.dravo.webhooks.web.PageLinks;
import com.dravo.webhooks.web.PageRequest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's webhook endpoints: list, register, read, change, delete, rotate the secret. */
@Path("/v1/webhooks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Endpoints")
@SecurityRequirement(name = ApiDocument.DASHBOARD_TOKEN)
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
    @Operation(summary = "List the caller's endpoints, oldest first")
    @APIResponse(responseCode = "200", description = "One page of endpoints, never a secret.",
            headers = @Header(name = "Link",
                    description = "`<...>; rel=\"next\"` when more remain",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = EndpointOut.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    public Uni<Response> list(
            @Parameter(description = "Page size, 1 to 100 (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @RestQuery String limit,
            @Parameter(description = "The last id of the previous page")
            @RestQuery("starting_after") String startingAfter) {
        PageRequest request = PageRequest.of(limit, startingAfter);

        return endpoints.list(owner.id(), request)
                .map(page -> PageLinks.withNext(Response.ok(page.items()), page, request,
                        "/v1/webhooks", "").build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an endpoint",
            description = "The answer carries `signing_secret`, the only time it is shown.")
    @APIResponse(responseCode = "201", description = "Registered.",
            headers = @Header(name = "Location", description = "/v1/webhooks/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = EndpointOut.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @APIResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<Response> register(EndpointIn in) {
        return endpoints.register(owner.id(), in)
                .map(created -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/v1/webhooks/" + created.id())
                        .entity(created)
                        .build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one endpoint (never its secret)")
    @APIResponse(responseCode = "200", description = "The endpoint.")
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<EndpointOut> get(@RestPath String id) {
        return endpoints.get(owner.id(), id);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an endpoint's url, events or active flag")
    @APIResponse(responseCode = "200", description = "The changed endpoint.")
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    public Uni<EndpointOut> update(@RestPath String id, EndpointPatch patch) {
        return lifecycle.update(owner.id(), id, patch);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an endpoint; its pending deliveries are cancelled")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<Response> delete(@RestPath String id) {
        return lifecycle.delete(owner.id(), id)
                .map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Rotate the signing secret; the old one signs beside it for the overlap")
    @APIResponse(responseCode = "200",
            description = "The endpoint with its new signing_secret, shown once.")
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<EndpointOut> rotateSecret(@RestPath String id) {
        return lifecycle.rotateSecret(owner.id(), id);
    }
}
