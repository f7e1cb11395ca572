package com.dravo.webhooks.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What bench/run tells the Java side, as system properties: the plan, where PostgreSQL
 * listens, where its tools are, where to write, and where the results of JMH are.
 */
record BenchSettings(String mode, int databasePort, Path pgBin, Path output, Path wrkScript,
        Path jmhResults, Path pidFile, Optional<Path> jfr) {

    static BenchSettings fromSystemProperties() {
        Path output = Path.of(required("bench.output"));
        return new BenchSettings(System.getProperty("bench.mode", "smoke"),
                Integer.parseInt(required("bench.database-port")),
                Path.of(required("bench.pg-bin")), output,
                Path.of(required("bench.wrk-script")).toAbsolutePath(),
                output.resolve("jmh.json"), output.resolve("service.pid"),
                Optional.ofNullable(System.getProperty("bench.jfr")).map(Path::of));
    }

    /** The PID file of the PostgreSQL cluster that bench/run made in the output folder. */
    Path postmasterPidFile() {
        return output.resolve("pg").resolve("data").resolve("postmaster.pid");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("system property " + name + " is not set");
        }
        return value;
    }
}
