package com.dravo.webhooks.endpoint;

import java.util.List;

import com.dravo.webhooks.web.ApiException;

/** The owner already holds as many endpoints as allowed: 409. */
class EndpointLimitException extends ApiException {

    EndpointLimitException(int limit) {
        super(409, "endpoint_limit_reached",
                "an owner may hold at most " + limit + " endpoints; delete one first", List.of());
    }
}
