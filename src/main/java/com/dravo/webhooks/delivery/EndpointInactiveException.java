package com.dravo.webhooks.delivery;

import java.util.List;

import com.dravo.webhooks.endpoint.Endpoint;
import com.dravo.webhooks.web.ApiException;

/** Nothing is queued for an inactive endpoint, whose pending deliveries were cancelled: 409. */
class EndpointInactiveException extends ApiException {

    EndpointInactiveException() {
        super(409, "endpoint_inactive",
                "the endpoint is inactive; set active to true first", List.of());
    }

    /** Passes an active endpoint through; refuses an inactive one. */
    static void requireActive(Endpoint endpoint) {
        if (!endpoint.active) {
            throw new EndpointInactiveException();
        }
    }
}
