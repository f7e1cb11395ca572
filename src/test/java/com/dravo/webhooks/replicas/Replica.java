package com.dravo.webhooks.replicas;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One instance of the packaged jar, run as a child process on its own loopback port and
 * configured by environment variables only, as in production. The multi-replica test and the
 * benchmark both run the service through it.
 */
public final class Replica {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    /** The line the delivery log writes for each attempt that succeeded. */
    private static final Pattern DELIVERED = Pattern.compile(
            "delivery del_\\S+ of event (\\S+) to endpoint \\S+: attempt \\d+ succeeded");

    private static final Set<String> OWN_PREFIXES = Set.of("QUARKUS_", "DRAVO_", "MP_",
            "SMALLRYE_");

    private final int number;
    private final int port;
    private final Path log;
    private final Process process;

    private Replica(int number, int port, Path log, Process process) {
        this.number = number;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * The settings of a production replica on a database of this machine: its user and
     * password are {@code postgres}, tokens are checked with this key and {@link
     * HandSignedTokens#ISSUER}, secrets are sealed with a key made for this run, and loopback
     * receivers over plain http are allowed.
     */
    public static Map<String, String> productionSettings(int databasePort, Path publicKeyPem) {
        String database = "localhost:" + databasePort + "/postgres";
        byte[] encryptionKey = new byte[32];
        new SecureRandom().nextBytes(encryptionKey);

        Map<String, String> settings = new TreeMap<>();
        settings.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://" + database);
        settings.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + database);
        settings.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        settings.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        settings.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKeyPem.toString());
        settings.put("MP_JWT_VERIFY_ISSUER", HandSignedTokens.ISSUER);
        settings.put("DRAVO_SECRETS_ENCRYPTION_KEY",
                Base64.getEncoder().encodeToString(encryptionKey));
        settings.put("DRAVO_DELIVERY_ALLOW_HTTP", "true");
        settings.put("DRAVO_DELIVERY_ALLOWED_NETWORKS", "127.0.0.0/8");
        return settings;
    }

    /** Starts the jar with these settings; its output goes to replica-N.log in logs. */
    public static Replica start(int number, Map<String, String> settings, Path logs)
            throws IOException {
        int port = freePort();
        Path log = logs.resolve("replica-" + number + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar",
                JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());

        // Only what this test sets configures the replica, whatever the shell exported.
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> OWN_PREFIXES.stream().anyMatch(name::startsWith));
        environment.putAll(settings);
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new Replica(number, port, log, builder.start());
    }

    public int number() {
        return number;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Waits until the replica serves: its readiness check says so, or, in a build without
     * the health extension, an authenticated API call answers 200.
     */
    public void awaitReady(HttpClient client, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + number + " exited with "
                        + process.exitValue() + "; see " + log);
            }
            if (ready(client)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("replica " + number + " not ready after " + timeout
                + "; see " + log);
    }

    /** SIGKILL on Linux: no shutdown hook runs, claims in flight stay claimed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** A graceful stop first, then a kill if it hangs. */
    public void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** How many deliveries of these events this replica logged as succeeded. */
    long deliveriesLogged(Set<String> eventIds) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.map(DELIVERED::matcher)
                    .filter(Matcher::find)
                    .filter(matcher -> eventIds.contains(matcher.group(1)))
                    .count();
        }
    }

    private boolean ready(HttpClient client) throws InterruptedException {
        try {
            return get(client, "/q/health/ready", null) == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** The status of a GET of this path, with the token when one is given. */
    public int get(HttpClient client, String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
        try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
            return socket.getLocalPort();
        }
    }
}
