package com.dravo.webhooks.bench;

import java.util.Arrays;
import java.util.Collection;

/** The median and 99th percentile of a set of durations, in milliseconds. */
record Latencies(double p50Millis, double p99Millis, int count) {

    static Latencies ofNanos(Collection<Long> nanos) {
        double[] millis = nanos.stream().mapToDouble(n -> n / 1e6).toArray();
        return ofMillis(millis);
    }

    static Latencies ofMillis(double[] millis) {
        if (millis.length == 0) {
            return new Latencies(Double.NaN, Double.NaN, 0);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(at(sorted, 0.50), at(sorted, 0.99), sorted.length);
    }

    String text() {
        return Format.millis(p50Millis) + " / " + Format.millis(p99Millis);
    }

    /** Each percentile over the limit's: "p50 ratio / p99 ratio". */
    String ratioTo(Latencies limit) {
        return Format.ratio(p50Millis, limit.p50Millis) + " / "
                + Format.ratio(p99Millis, limit.p99Millis);
    }

    /** Nearest-rank percentile. */
    private static double at(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
