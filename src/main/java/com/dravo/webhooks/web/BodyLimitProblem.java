package com.dravo.webhooks.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A body over the size limit is refused by the HTTP layer before any resource runs, so the
 * problem mapper never sees it; this gives that 413 the same problem body as every error.
 */
@ApplicationScoped
class BodyLimitProblem {

    private static final int TOO_LARGE = 413;

    /** The same limit the HTTP layer enforces on bodies that do not declare a length. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router, ObjectMapper mapper) throws JsonProcessingException {
        String body = mapper.writeValueAsString(new Problem("about:blank",
                "Request Entity Too Large", TOO_LARGE, "the body is larger than 64 KiB",
                "body_too_large", List.of()));

        router.route().order(Integer.MIN_VALUE)
                .handler(context -> refuseDeclaredTooLarge(context, body))
                .failureHandler(context -> answer(context, body));
    }

    /** Most clients declare the length: refuse before reading a byte of the body. */
    private void refuseDeclaredTooLarge(RoutingContext context, String body) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            context.response().setStatusCode(TOO_LARGE)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(body);
            return;
        }
        context.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void answer(RoutingContext context, String body) {
        if (context.statusCode() != TOO_LARGE || context.response().ended()) {
            context.next();
            return;
        }
        context.response().setStatusCode(TOO_LARGE)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }
}
