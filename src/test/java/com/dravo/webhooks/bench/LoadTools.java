package com.dravo.webhooks.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The machine's own load tools, run as child processes: wrk for HTTP, pgbench for the
 * database. Each run's output is kept in the output folder for a reader to check.
 */
final class LoadTools {

    /** Throughput and latency of one run; errors counts non-2xx answers and socket errors. */
    record Load(double perSecond, Latencies latency, long errors) {
    }

    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE =
            Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TPS = Pattern.compile("tps = ([\\d.]+) \\(without initial");
    private static final Pattern FAILED_TX = Pattern.compile("failed transactions: (\\d+)");

    /** Threads of each tool: one per core of the 2-core machines the bench is sized for. */
    private static final int THREADS = 2;
    /** Share of pgbench transactions logged for their latency. */
    private static final String SAMPLING = "0.2";

    private final Path pgBin;
    private final int databasePort;
    private final Path output;

    LoadTools(Path pgBin, int databasePort, Path output) {
        this.pgBin = pgBin;
        this.databasePort = databasePort;
        this.output = output;
    }

    /** wrk with its latency distribution; the script, if any, adds headers from environment. */
    Load wrk(String name, URI target, int connections, Duration duration, Path script,
            Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(THREADS),
                "-c", Integer.toString(connections), "-d", duration.toSeconds() + "s",
                "--timeout", "10s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(target.toString());
        String out = run(name, command, environment);

        double[] percentiles = { Double.NaN, Double.NaN };
        Matcher percentile = PERCENTILE.matcher(out);
        while (percentile.find()) {
            percentiles[percentile.group(1).equals("50") ? 0 : 1] =
                    toMillis(Double.parseDouble(percentile.group(2)), percentile.group(3));
        }
        long errors = sum(NON_2XX, out) + sum(SOCKET_ERRORS, out);
        Latencies latency = new Latencies(percentiles[0], percentiles[1], 0);
        return new Load(number(REQUESTS, out), latency, errors);
    }

    /** Makes pgbench's tables, at this scale, in the service's database. */
    void pgbenchInit(int scale) throws IOException, InterruptedException {
        run("pgbench-init", List.of(pgBin.resolve("pgbench").toString(), "-i", "-q",
                "-s", Integer.toString(scale), "-h", "127.0.0.1",
                "-p", Integer.toString(databasePort), "-U", "postgres", "postgres"), Map.of());
    }

    /**
     * pgbench with a built-in script ({@code select-only}, {@code simple-update}); latency from
     * a sample of its per-transaction log.
     */
    Load pgbench(String script, int clients, Duration duration)
            throws IOException, InterruptedException {
        String name = "pgbench-" + script + "-" + clients;
        Path logPrefix = output.resolve(name + "-tx");
        String out = run(name, List.of(pgBin.resolve("pgbench").toString(), "-n",
                "-b", script, "-c", Integer.toString(clients), "-j", Integer.toString(THREADS),
                "-T", Long.toString(duration.toSeconds()), "-l", "--sampling-rate", SAMPLING,
                "--log-prefix", logPrefix.toString(), "-h", "127.0.0.1",
                "-p", Integer.toString(databasePort), "-U", "postgres", "postgres"), Map.of());
        return new Load(number(TPS, out), transactionLatencies(logPrefix), sum(FAILED_TX, out));
    }

    private String run(String name, List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = output.resolve(name + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);

        int exit = builder.start().waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new IOException(command.get(0) + " exited with " + exit + "; see " + log);
        }
        return out;
    }

    /** pgbench writes one file per thread; the third field of a line is its latency in us. */
    private static Latencies transactionLatencies(Path logPrefix) throws IOException {
        String prefix = logPrefix.getFileName().toString() + ".";
        List<Double> millis = new ArrayList<>();
        try (Stream<Path> files = Files.list(logPrefix.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    millis.add(Long.parseLong(line.split(" ")[2]) / 1000.0);
                }
                Files.delete(file);
            }
        }
        return Latencies.ofMillis(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double number(Pattern pattern, String out) throws IOException {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IOException("no '" + pattern.pattern() + "' in the tool's output");
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** The sum of every number the pattern captures; 0 when it does not occur. */
    private static long sum(Pattern pattern, String out) {
        Matcher matcher = pattern.matcher(out);
        long total = 0;
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                total += Long.parseLong(matcher.group(group));
            }
        }
        return total;
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
