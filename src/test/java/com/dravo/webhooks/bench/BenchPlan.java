package com.dravo.webhooks.bench;

import java.time.Duration;

/**
 * How much of everything one run does: the full benchmark of issue 7, or the smoke that CI
 * runs to keep it working (one tiny iteration of each step).
 */
record BenchPlan(String name, Duration load, Duration warmUp, int testSends, int eventCount,
        int endpoints, int publishOnlyEvents, int pgbenchScale, Duration phaseTimeout) {

    /** Publishers in parallel, as another service with a pool would send. */
    static final int PUBLISH_THREADS = 16;
    /** Endpoints of the owner whose list is read in item 2. */
    static final int LISTED_ENDPOINTS = 20;
    static final int[] CONNECTIONS = { 16, 64 };

    static BenchPlan named(String name) {
        return switch (name) {
            case "full" -> new BenchPlan(name, Duration.ofSeconds(10), Duration.ofSeconds(5),
                    500, 10_000, 10, 2_000, 10, Duration.ofMinutes(30));
            case "smoke" -> new BenchPlan(name, Duration.ofSeconds(1), Duration.ZERO,
                    20, 100, 2, 50, 1, Duration.ofMinutes(1));
            default -> throw new IllegalArgumentException("no bench plan named " + name);
        };
    }

    boolean smoke() {
        return name.equals("smoke");
    }

    /** Warm-up sends before the measured test sends. */
    int warmUpSends() {
        return Math.max(5, testSends / 10);
    }
}
