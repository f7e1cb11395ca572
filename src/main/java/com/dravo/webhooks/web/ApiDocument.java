package com.dravo.webhooks.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The API document's shared parts (served at {@code /q/openapi}): the dashboard token scheme
 * and one problem answer per error status, which resources name with {@code ref}.
 */
@OpenAPIDefinition(
        info = @Info(title = "Dravo Webhooks", version = "1",
                description = "Register webhook endpoints, send test events, read deliveries."),
        components = @Components(responses = {
            @APIResponse(name = ApiDocument.BAD_REQUEST, responseCode = "400",
                    description = "The request is invalid; `errors` names the fields.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocument.UNAUTHENTICATED, responseCode = "401",
                    description = "No valid dashboard token; the answer carries "
                            + "`WWW-Authenticate: Bearer`.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocument.FORBIDDEN, responseCode = "403",
                    description = "The token may not use this route.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocument.NOT_FOUND, responseCode = "404",
                    description = "No such endpoint for this owner.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocument.CONFLICT, responseCode = "409",
                    description = "The owner already has as many endpoints as allowed.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocument.TOO_LARGE, responseCode = "413",
                    description = "The body is larger than 64 KiB.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocument.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                    description = "The body is not `application/json`.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))),
            @APIResponse(name = ApiDocument.RATE_LIMITED, responseCode = "429",
                    description = "Too many test sends; `Retry-After` says when to retry.",
                    content = @Content(mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class))) }))
@SecurityScheme(securitySchemeName = ApiDocument.DASHBOARD_TOKEN,
        type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A dashboard JWT (RS256 by default) for the audience dravo-dashboard; "
                + "its `sub` names the owner.")
@SecurityScheme(securitySchemeName = ApiDocument.SERVICE_TOKEN,
        type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT of another Dravo service, signed like dashboard tokens, whose "
                + "`groups` claim holds `events:publish`.")
public class ApiDocument extends Application {

    public static final String DASHBOARD_TOKEN = "dashboard_token";
    public static final String SERVICE_TOKEN = "service_token";
    public static final String FORBIDDEN = "Forbidden";

    public static final String BAD_REQUEST = "BadRequest";
    public static final String UNAUTHENTICATED = "Unauthenticated";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String TOO_LARGE = "TooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String RATE_LIMITED = "RateLimited";
}
