package com.dravo.webhooks.web;

import jakarta.ws.rs.core.Response;

/** The {@code Link: <…>; rel="next"} header of a page that has more after it. */
public final class PageLinks {

    private PageLinks() {
    }

    /**
     * @param path the list's path, without query
     * @param filters further query parameters of the list, each as {@code &name=value}
     */
    public static Response.ResponseBuilder withNext(Response.ResponseBuilder response,
            Page<?> page, PageRequest request, String path, String filters) {
        if (page.nextCursor() == null) {
            return response;
        }
        String next = path + "?limit=" + request.limit() + filters
                + "&starting_after=" + page.nextCursor();
        return response.header("Link", "<" + next + ">; rel=\"next\"");
    }
}
