package com.dravo.webhooks.security;

import java.util.OptionalLong;

/**
 * The WHATWG URL Standard's IPv4 parser, so that a host like {@code 0x7f.1} means here
 * what it means to browsers and URL libraries.
 */
final class WhatwgIpv4 {

    private static final int MAX_PARTS = 4;

    // Any part above 2^32 fails every range check, so counting stops there.
    private static final long NUMBER_CAP = 1L << 32;

    private WhatwgIpv4() {
    }

    /** The standard's "ends in a number" checker: whether the host is read as IPv4. */
    static boolean endsInNumber(String host) {
        String[] parts = host.split("\\.", -1);
        int lastIndex = parts.length - 1;

        if (parts[lastIndex].isEmpty()) {
            if (parts.length == 1) {
                return false;
            }
            lastIndex--;
        }

        String last = parts[lastIndex];
        boolean allDigits = !last.isEmpty()
                && last.chars().allMatch(c -> c >= '0' && c <= '9');
        return allDigits || parseNumber(last).isPresent();
    }

    /**
     * Returns the four bytes the host denotes.
     *
     * @throws IllegalArgumentException when the standard's parser returns failure
     */
    static byte[] parse(String host) {
        String[] parts = host.split("\\.", -1);
        int partCount = parts.length;

        // One trailing dot is allowed, as in "127.0.0.1.".
        if (partCount > 1 && parts[partCount - 1].isEmpty()) {
            partCount--;
        }
        if (partCount > MAX_PARTS) {
            throw invalid();
        }

        long[] numbers = new long[partCount];
        for (int i = 0; i < partCount; i++) {
            numbers[i] = parseNumber(parts[i]).orElseThrow(WhatwgIpv4::invalid);
        }

        long address = numbers[partCount - 1];
        if (address >= 1L << (8 * (MAX_PARTS + 1 - partCount))) {
            throw invalid();
        }
        for (int i = 0; i < partCount - 1; i++) {
            if (numbers[i] > 255) {
                throw invalid();
            }
            address += numbers[i] << (8 * (3 - i));
        }

        return new byte[] {
            (byte) (address >>> 24), (byte) (address >>> 16),
            (byte) (address >>> 8), (byte) address
        };
    }

    /** The standard's "IPv4 number parser": decimal, octal after "0", hex after "0x". */
    private static OptionalLong parseNumber(String part) {
        if (part.isEmpty()) {
            return OptionalLong.empty();
        }

        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }

        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = asciiDigit(digits.charAt(i), radix);
            if (digit < 0) {
                return OptionalLong.empty();
            }
            value = Math.min(value * radix + digit, NUMBER_CAP);
        }
        return OptionalLong.of(value);
    }

    // Character.digit would also accept non-ASCII digits such as fullwidth ones.
    private static int asciiDigit(char c, int radix) {
        int digit;
        if (c >= '0' && c <= '9') {
            digit = c - '0';
        } else if (c >= 'a' && c <= 'f') {
            digit = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'F') {
            digit = c - 'A' + 10;
        } else {
            return -1;
        }
        return digit < radix ? digit : -1;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("not a valid IPv4 address");
    }
}
