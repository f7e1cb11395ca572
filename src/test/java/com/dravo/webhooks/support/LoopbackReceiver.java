package com.dravo.webhooks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A real HTTP receiver on 127.0.0.1, written with the JDK's server so that nothing of the
 * service is involved in receiving. It records every request and answers as told.
 */
public final class LoopbackReceiver implements AutoCloseable {

    /** A request as it arrived: headers with lower-case names, body bytes untouched. */
    public record Received(String method, String path, Map<String, List<String>> headers,
            byte[] body, long atMillis) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    private final HttpServer server;
    private final String host;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile Consumer<HttpExchange> answer = exchange -> respond(exchange, 200, "ok");

    public LoopbackReceiver() {
        this("127.0.0.1");
    }

    /** A receiver on another loopback address, such as 127.0.0.2. */
    public LoopbackReceiver(String loopbackAddress) {
        this(loopbackAddress, null);
    }

    /** An HTTPS receiver presenting the certificate of the given context. */
    public static LoopbackReceiver tls(String loopbackAddress, SSLContext tls) {
        return new LoopbackReceiver(loopbackAddress, tls);
    }

    private LoopbackReceiver(String loopbackAddress, SSLContext tls) {
        host = loopbackAddress;
        try {
            InetSocketAddress address =
                    new InetSocketAddress(InetAddress.getByName(loopbackAddress), 0);
            if (tls == null) {
                server = HttpServer.create(address, 0);
            } else {
                HttpsServer https = HttpsServer.create(address, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://" + host + ":" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Response body bytes written so far (a hostile answer stops when the service hangs up). */
    public long bytesSent() {
        return bytesSent.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** When each request arrived, in milliseconds of the wall clock. */
    public List<Long> receivedAtMillis() {
        return received.stream().map(Received::atMillis).toList();
    }

    /** Answers these statuses in turn, then 200; a header pair may follow each status. */
    public LoopbackReceiver answeringInTurn(int... statuses) {
        java.util.Queue<Integer> turns = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int status : statuses) {
            turns.add(status);
        }
        answer = exchange -> {
            Integer status = turns.poll();
            respond(exchange, status == null ? 200 : status, "turn");
        };
        return this;
    }

    /** Answers with this status and one header, every time. */
    public LoopbackReceiver answering(int status, String header, String value) {
        answer = exchange -> {
            exchange.getResponseHeaders().add(header, value);
            respond(exchange, status, "with " + header);
        };
        return this;
    }

    public LoopbackReceiver answering(int status) {
        answer = exchange -> respond(exchange, status, "answer " + status);
        return this;
    }

    /** Answers every request with this status, these extra headers and this body. */
    public LoopbackReceiver answering(int status, Map<String, String> headers, String body) {
        answer = exchange -> {
            headers.forEach(exchange.getResponseHeaders()::add);
            respond(exchange, status, body);
        };
        return this;
    }

    public LoopbackReceiver redirectingTo(String location) {
        answer = exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            respond(exchange, 302, "");
        };
        return this;
    }

    public LoopbackReceiver sleeping(long millis) {
        answer = exchange -> {
            sleep(millis);
            respond(exchange, 200, "late");
        };
        return this;
    }

    /** Answers 200 and streams body bytes until the client hangs up (or 60 s, 256 MiB). */
    public LoopbackReceiver streamingEndlessly() {
        answer = exchange -> stream(exchange, 8192, 0, 256L << 20, 60_000);
        return this;
    }

    /** Answers 200 and sends one body byte a second, for up to 30 s. */
    public LoopbackReceiver trickling() {
        answer = exchange -> stream(exchange, 1, 1000, 30, 30_000);
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(), List.copyOf(values)));
            received.add(new Received(exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(), headers, body.readAllBytes(),
                    System.currentTimeMillis()));
        }
        answer.accept(exchange);
    }

    static void respond(HttpExchange exchange, int status, String body) {
        try (OutputStream out = exchange.getResponseBody()) {
            byte[] bytes = body.getBytes();
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            // The service may have given up on a slow answer and closed the connection.
        }
    }

    private void stream(HttpExchange exchange, int chunk, long pauseMillis, long maxBytes,
            long maxMillis) {
        long deadline = System.currentTimeMillis() + maxMillis;
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.sendResponseHeaders(200, 0);
            byte[] bytes = new byte[chunk];
            while (bytesSent.get() < maxBytes && System.currentTimeMillis() < deadline) {
                out.write(bytes);
                out.flush();
                bytesSent.addAndGet(chunk);
                sleep(pauseMillis);
            }
        } catch (IOException e) {
            // The service hung up: exactly what a bounded client should do.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
