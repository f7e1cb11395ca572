package com.dravo.webhooks.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Failures of the HTTP layer itself (a body over the limit, a request Vert.x cannot route)
 * happen before any resource runs, so the problem mapper never sees them; this gives them
 * the same problem bodies as every other error.
 */
@ApplicationScoped
class HttpLayerProblems {

    private static final Logger LOG = Logger.getLogger(HttpLayerProblems.class);

    private static final int TOO_LARGE = 413;

    /** The same limit the HTTP layer enforces on bodies that do not declare a length. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        BodyHandler chunkedBodies = BodyHandler.create(false)
                .setBodyLimit(maxBodySize.asLongValue());

        router.route().order(Integer.MIN_VALUE)
                .handler(context -> limitBody(context, chunkedBodies))
                .failureHandler(HttpLayerProblems::answer);
    }

    /**
     * Most clients declare the length: refuse before reading a byte of the body. A body that
     * declares none is read here, up to the limit, because the REST layer would cut one that
     * runs over with a bare 413 and no problem body.
     */
    private void limitBody(RoutingContext context, BodyHandler chunkedBodies) {
        String length = context.request().getHeader("Content-Length");
        if (length != null) {
            if (isOver(length)) {
                context.fail(TOO_LARGE);
            } else {
                context.next();
            }
            return;
        }

        if (context.request().getHeader("Transfer-Encoding") != null) {
            chunkedBodies.handle(context);
        } else {
            context.next();
        }
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void answer(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        int status = context.statusCode() >= 400 && context.statusCode() < 600
                ? context.statusCode()
                : 500;
        if (status == 500) {
            LOG.error("request failed in the HTTP layer", context.failure());
        }

        HttpResponseStatus reason = HttpResponseStatus.valueOf(status);
        Problem problem = new Problem("about:blank", reason.reasonPhrase(), status,
                status == TOO_LARGE ? "the body is larger than 64 KiB"
                        : status == 500 ? "the service failed to answer"
                        : "the request could not be understood",
                status == TOO_LARGE ? "body_too_large"
                        : status == 500 ? "internal_error" : "bad_request",
                List.of());
        context.response().setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (status == TOO_LARGE) {
            // The rest of that body is not worth reading.
            context.response().putHeader("Connection", "close");
        }
        context.response().end(Json.encode(problem));
    }
}
