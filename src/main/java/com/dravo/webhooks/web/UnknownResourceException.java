package com.dravo.webhooks.web;

import java.util.List;

/**
 * No such resource for this caller: 404. Also thrown for another owner's resource, so an id
 * never tells whether it exists elsewhere.
 */
public class UnknownResourceException extends ApiException {

    public UnknownResourceException(String kind) {
        super(404, "not_found", "no " + kind + " with that id", List.of());
    }
}
