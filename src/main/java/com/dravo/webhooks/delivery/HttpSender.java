package com.dravo.webhooks.delivery;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dravo.webhooks.security.PinnedAddress;

import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * Sends one POST to a pinned address. The socket goes to the checked address while TLS and
 * the Host header use the URL's name; no redirect is followed; the time and the response
 * bytes an attempt may cost are bounded, whatever the receiver does.
 */
@ApplicationScoped
class HttpSender {

    private static final Logger LOG = Logger.getLogger(HttpSender.class);

    /** Response body kept for the delivery log; the rest up to the limit is read and dropped. */
    static final int KEPT_BODY_BYTES = 4096;
    private static final int MAX_HEADERS = 50;
    private static final int MAX_HEADER_CHARS = 512;

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxResponseBytes;

    HttpSender(Vertx vertx, DeliveryConfig config) {
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setVerifyHost(true)
                .setTrustAll(false)
                .setDecompressionSupported(false)
                .setMaxPoolSize(16);
        config.trustedCertificates().ifPresent(pem ->
                options.setTrustOptions(new PemTrustOptions().addCertPath(pem)));
        this.client = vertx.createHttpClient(options);
        this.requestTimeout = config.requestTimeout();
        this.maxResponseBytes = config.maxResponseBytes();
    }

    Uni<AttemptOutcome> post(PinnedAddress target, MultiMap headers, byte[] body) {
        long started = System.nanoTime();
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();

        return client.request(options(target, headers))
                .invoke(inFlight::set)
                .flatMap(request -> request.send(Buffer.buffer(body)))
                .flatMap(response -> read(response, started))
                .ifNoItem().after(requestTimeout).failWith(TimeoutException::new)
                .onFailure().invoke(failure -> abort(inFlight.get()))
                .onFailure().recoverWithItem(failure -> AttemptOutcome.failed(
                        describe(failure), millisSince(started)));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    private RequestOptions options(PinnedAddress target, MultiMap headers) {
        int port = target.url().port();
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port,
                        target.address().getHostAddress()))
                .setHost(target.url().host())
                .setPort(port)
                .setSsl(target.url().https())
                .setURI(target.url().requestUri())
                .setFollowRedirects(false)
                .setHeaders(headers.getDelegate());
    }

    private Uni<AttemptOutcome> read(HttpClientResponse response, long started) {
        return Uni.createFrom().emitter(emitter -> new BoundedBody(response, emitter, started));
    }

    private static void abort(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    private String describe(Throwable failure) {
        LOG.debugf("attempt failed: %s", failure.toString());
        if (failure instanceof TimeoutException) {
            return "timed out after " + readable(requestTimeout);
        }
        if (failure instanceof ConnectTimeoutException) {
            return "connection timed out";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof SSLException) {
            return "TLS handshake failed";
        }
        return "connection failed";
    }

    private static String readable(Duration duration) {
        return duration.toMillis() % 1000 == 0
                ? duration.toSeconds() + " s"
                : duration.toMillis() + " ms";
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Reads a response body up to the byte limit, keeping its start for the log. */
    private final class BoundedBody {

        private final HttpClientResponse response;
        private final UniEmitter<? super AttemptOutcome> emitter;
        private final long started;
        private final Buffer kept = Buffer.buffer();
        private long total;
        private boolean done;

        BoundedBody(HttpClientResponse response, UniEmitter<? super AttemptOutcome> emitter,
                long started) {
            this.response = response;
            this.emitter = emitter;
            this.started = started;
            response.handler(this::chunk);
            response.endHandler(this::finish);
            response.exceptionHandler(this::fail);
        }

        private void chunk(Buffer chunk) {
            if (done) {
                return;
            }
            int room = KEPT_BODY_BYTES - kept.length();
            if (room > 0) {
                kept.appendBuffer(chunk.getBuffer(0, Math.min(room, chunk.length())));
            }
            total += chunk.length();
            if (total >= maxResponseBytes) {
                // Enough read: drop the connection rather than drain an endless body.
                finish();
                response.request().reset();
            }
        }

        private void finish() {
            if (done) {
                return;
            }
            done = true;
            emitter.complete(new AttemptOutcome(response.statusCode(), errorOf(response),
                    millisSince(started), headersOf(response), storable(kept)));
        }

        private void fail(Throwable failure) {
            if (!done) {
                done = true;
                emitter.fail(failure);
            }
        }
    }

    /** Any bytes a receiver sends become text PostgreSQL can store (it refuses NUL). */
    private static String storable(Buffer body) {
        return body.toString(StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    private static String errorOf(HttpClientResponse response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status >= 300 && status < 400) {
            return "redirect not followed (HTTP " + status + ")";
        }
        return "receiver answered HTTP " + status;
    }

    private static Map<String, String> headersOf(HttpClientResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : response.headers()) {
            if (headers.size() == MAX_HEADERS) {
                break;
            }
            String value = header.getValue();
            String kept = value.length() > MAX_HEADER_CHARS
                    ? value.substring(0, MAX_HEADER_CHARS)
                    : value;
            headers.merge(header.getKey().toLowerCase(), kept,
                    (first, next) -> first + ", " + next);
        }
        return headers;
    }
}
