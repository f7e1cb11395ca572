package com.dravo.webhooks.replicas;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A receiver on 127.0.0.1 that counts every (webhook-id, path) it is sent and answers 200 at
 * once. It counts before answering: a request that arrived was delivered, even when the
 * sender dies before reading the answer.
 */
final class CountingReceiver implements AutoCloseable {

    private static final int THREADS = 8;
    private static final int BACKLOG = 512;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    private final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    CountingReceiver() throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
        server = HttpServer.create(new InetSocketAddress(loopback, 0), BACKLOG);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How often the event was received on this path. */
    int receipts(String eventId, String path) {
        AtomicInteger count = receipts.get(key(eventId, path));
        return count == null ? 0 : count.get();
    }

    /** Every request received so far. */
    long total() {
        return total.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String eventId = exchange.getRequestHeaders().getFirst("webhook-id");
        receipts.computeIfAbsent(key(eventId, exchange.getRequestURI().getPath()),
                key -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();

        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private static String key(String eventId, String path) {
        return eventId + " " + path;
    }
}
