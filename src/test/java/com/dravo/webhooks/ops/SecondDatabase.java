package com.dravo.webhooks.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of one test's own, which that test stops and starts again on the same port and
 * data directory, so the service sees its database go away and come back.
 */
final class SecondDatabase {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    private SecondDatabase() {
    }

    static synchronized Map<String, String> startedProperties() {
        if (server == null) {
            try {
                dataDirectory = Files.createTempDirectory("dravo-outage-pg");
                port = freePort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            start();
        }

        String hostAndPort = "localhost:" + port + "/postgres";
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://" + hostAndPort,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    static synchronized void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the second PostgreSQL", e);
        }
    }

    static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the second PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
