package com.dravo.webhooks.bench;

import java.util.Locale;

/** How the table writes numbers: few digits, the unit beside them. */
final class Format {

    private Format() {
    }

    static String millis(double millis) {
        return millis >= 10_000 ? number(millis / 1000) + " s" : number(millis) + " ms";
    }

    static String mib(double mib) {
        return number(mib) + " MiB";
    }

    static String perSecond(double perSecond) {
        return number(perSecond) + "/s";
    }

    /** value / limit, two significant digits; "n/a" when either is missing. */
    static String ratio(double value, double limit) {
        if (!(value >= 0) || !(limit > 0)) {
            return "n/a";
        }
        double ratio = value / limit;
        return ratio >= 10
                ? String.format(Locale.ROOT, "%,.0fx", ratio)
                : String.format(Locale.ROOT, "%.2gx", ratio);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }
}
