package com.dravo.webhooks.web;

/** {@code limit} and {@code starting_after} of a list request, checked. */
public record PageRequest(int limit, String startingAfter) {

    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String startingAfter) {
        return new PageRequest(limitOf(limit), blankToNull(startingAfter));
    }

    private static int limitOf(String text) {
        if (text == null || text.isBlank()) {
            return MAX_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, like any other out-of-range value
        }
        throw new InvalidRequestException("invalid_limit", "limit",
                "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
