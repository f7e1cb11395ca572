package com.dravo.webhooks.delivery;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.dravo.webhooks.web.ApiDocument;
import jakarta.ws.rs.GET;
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

/** The delivery log of one of the caller's endpoints, and redelivery from it. */
@Path("/v1/webhooks/{id}/deliveries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@SecurityRequirement(name = ApiDocument.DASHBOARD_TOKEN)
public class DeliveryLogResource {

    private final DeliveryLogService log;
    private final Redelivery redelivery;
    private final CurrentOwner owner;

    DeliveryLogResource(DeliveryLogService log, Redelivery redelivery, CurrentOwner owner) {
        this.log = log;
        this.redelivery = redelivery;
        this.owner = owner;
    }

    @GET
    @Operation(summary = "List an endpoint's deliveries, newest first, optionally by status")
    @APIResponse(responseCode = "200",
            description = "One page of deliveries; a Link header when more remain.")
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<Response> list(@RestPath String id, @RestQuery String limit,
            @RestQuery("starting_after") String startingAfter, @RestQuery String status) {
        PageRequest request = PageRequest.of(limit, startingAfter);
        DeliveryStatus filter = DeliveryStatus.filterOf(status);
        String filters = filter == null ? "" : "&status=" + filter.wireName();

        return log.list(owner.id(), id, filter, request)
                .map(page -> PageLinks.withNext(Response.ok(page.items()), page, request,
                        "/v1/webhooks/" + id + "/deliveries", filters).build());
    }

    @GET
    @Path("{deliveryId}")
    @Operation(summary = "Read one delivery with every attempt")
    @APIResponse(responseCode = "200", description = "The delivery and its attempts.")
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Uni<DeliveryDetail> get(@RestPath String id, @RestPath String deliveryId) {
        return log.get(owner.id(), id, deliveryId);
    }

    @POST
    @Path("{deliveryId}/redeliver")
    @Operation(summary = "Queue a new delivery of the same event")
    @APIResponse(responseCode = "202", description = "The new delivery, pending.")
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Uni<Response> redeliver(@RestPath String id, @RestPath String deliveryId) {
        return redelivery.redeliver(owner.id(), id, deliveryId)
                .map(queued -> Response.accepted(queued)
                        .header(HttpHeaders.LOCATION,
                                "/v1/webhooks/" + id + "/deliveries/" + queued.id())
                        .build());
    }
}
