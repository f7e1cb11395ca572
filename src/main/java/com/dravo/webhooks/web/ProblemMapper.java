package com.dravo.webhooks.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.dravo.webhooks.web.Problem.FieldProblem;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become HTTP answers: every error is an RFC 9457 problem, and
 * nothing internal (stack traces, class names, SQL) reaches a client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response apiError(ApiException e) {
        return problem(e.status(), e.code(), e.getMessage(), e.errors()).build();
    }

    @ServerExceptionMapper
    public Response rateLimited(RateLimitedException e) {
        return problem(e.status(), e.code(), e.getMessage(), e.errors())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper({ AuthenticationFailedException.class, UnauthorizedException.class,
        AuthenticationCompletionException.class })
    public Response unauthenticated() {
        String detail = "a valid dashboard token is required (Authorization: Bearer <JWT>)";
        return problem(401, "unauthenticated", detail, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "this token may not use this route", List.of()).build();
    }

    /** Declared apart so it wins over the Jackson extension's own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return problem(400, "malformed_json", "the body is not valid JSON", List.of())
                    .build();
        }
        String field = e instanceof JsonMappingException mapping ? fieldOf(mapping) : "";
        if (e instanceof UnrecognizedPropertyException) {
            String message = "unknown field";
            return problem(400, "unknown_field", message + ": " + field,
                    List.of(new FieldProblem(field, message))).build();
        }
        if (field.isEmpty()) {
            return problem(400, "invalid_json", "the body must be a JSON object", List.of())
                    .build();
        }
        String message = "has the wrong type";
        return problem(400, "invalid_json", field + " " + message,
                List.of(new FieldProblem(field, message))).build();
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR) {
            return unexpected(e);
        }
        return problem(status, codeOf(status), detailOf(status), List.of()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure while answering a request", e);
        String detail = "the service failed to answer; the request may be retried";
        return problem(500, "internal_error", detail, List.of()).build();
    }

    static Response.ResponseBuilder problem(int status, String code, String detail,
            List<FieldProblem> errors) {
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Error";
        Problem body = new Problem("about:blank", title, status, detail, code, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null
                        ? ref.getFieldName()
                        : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "body_too_large";
            case 415 -> "unsupported_media_type";
            default -> "bad_request";
        };
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 404 -> "no such route";
            case 405 -> "this route does not take that method";
            case 406 -> "this route answers application/json only";
            case 413 -> "the body is larger than 64 KiB";
            case 415 -> "the body must be application/json";
            default -> "the request could not be understood";
        };
    }
}
