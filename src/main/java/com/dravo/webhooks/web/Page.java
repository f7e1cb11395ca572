package com.dravo.webhooks.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, oldest or newest first as the list defines.
 *
 * @param nextCursor the id to pass as {@code starting_after} for the next page, or null
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** Builds a page from a query that fetched one row more than the limit. */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view,
            Function<R, String> id) {
        boolean more = rows.size() > limit;
        List<R> kept = more ? rows.subList(0, limit) : rows;
        String next = more ? id.apply(kept.get(kept.size() - 1)) : null;
        return new Page<>(kept.stream().map(view).toList(), next);
    }
}
