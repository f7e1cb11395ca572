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
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver on 127.0.0.1, written with the JDK's server so that nothing of the
 * service is involved in receiving. It records every request and answers as told.
 */
public final class LoopbackReceiver implements AutoCloseable {

    /** A request as it arrived: headers with lower-case names, body bytes untouched. */
    public record Received(String method, String path, Map<String, List<String>> headers,
            byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase());
            return values == null ? null : String.join(",", values);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Consumer<HttpExchange> answer = exchange -> respond(exchange, 200, "ok");

    public LoopbackReceiver() {
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
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
                    exchange.getRequestURI().toString(), headers, body.readAllBytes()));
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
