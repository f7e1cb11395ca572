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
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One instance of the packaged jar, run as a child process on its own loopback port and
 * configured by environment variables only, as in production.
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
     * Starts the jar with these settings (property names, given to it as the environment
     * variables they map to); its output goes to replica-N.log in logs.
     */
    public static Replica start(int number, Map<String, String> settings, Path logs)
            throws IOException {
        int port = freePort();
        Path log = logs.resolve("replica-" + number + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The heap the image gives the JVM in the Deployment's 512 MiB (MaxRAMPercentage=75).
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-jar",
                JAR.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());

        // Only what this test sets configures the replica, whatever the shell exported.
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> OWN_PREFIXES.stream().anyMatch(name::startsWith));
        settings.forEach((name, value) -> environment.put(environmentName(name), value));
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

    /** Waits for a replica that is expected to stop by itself; answers its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("replica " + number + " still ran after "
                    + timeout + "; see " + log);
        }
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL on Linux: no shutdown hook runs, claims in flight stay claimed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, as Kubernetes sends it: answers whether the replica exited by itself within
     * the timeout; kills it if not.
     */
    public boolean terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        kill();
        return false;
    }

    /** A graceful stop first, then a kill if it hangs. */
    public void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        terminate(Duration.ofSeconds(15));
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

    /** MicroProfile Config's mapping: upper case, anything but letters and digits as _. */
    private static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
        try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
            return socket.getLocalPort();
        }
    }
}
