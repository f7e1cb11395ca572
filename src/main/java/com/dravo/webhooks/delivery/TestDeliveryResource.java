package com.dravo.webhooks.delivery;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import com.dravo.webhooks.security.CurrentOwner;
import com.dravo.webhooks.web.ApiDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Sends a signed test event to one of the caller's endpoints. */
@Path("/v1/webhooks/{id}/test")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Endpoints")
@SecurityRequirement(name = ApiDocument.DASHBOARD_TOKEN)
public class TestDeliveryResource {

    private final TestDeliveryService tests;
    private final CurrentOwner owner;
    private final ObjectMapper mapper;

    TestDeliveryResource(TestDeliveryService tests, CurrentOwner owner, ObjectMapper mapper) {
        this.tests = tests;
        this.owner = owner;
        this.mapper = mapper;
    }

    /** The body is optional, and a bare POST (as curl sends it) has no content type. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Send one signed test event to an endpoint now",
            description = "Answers 200 whenever the endpoint exists; `succeeded` and `error`"
                    + " say how the send went.")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TestEventIn.class)))
    @APIResponse(responseCode = "200", description = "The result of the send.",
            content = @Content(schema = @Schema(implementation = TestDelivery.class)))
    @APIResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHENTICATED)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "429", ref = ApiDocument.RATE_LIMITED)
    public Uni<TestDelivery> send(@RestPath String id,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body)
            throws JsonProcessingException {
        TestEventIn in = null;
        if (body != null && !body.isBlank()) {
            requireJson(contentType);
            in = mapper.readValue(body, TestEventIn.class);
        }
        return tests.send(owner.id(), id, in);
    }

    private static void requireJson(String contentType) {
        boolean json;
        try {
            json = contentType != null && MediaType.valueOf(contentType)
                    .isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException e) {
            json = false;
        }
        if (!json) {
            throw new WebApplicationException(Response.Status.UNSUPPORTED_MEDIA_TYPE);
        }
    }
}
