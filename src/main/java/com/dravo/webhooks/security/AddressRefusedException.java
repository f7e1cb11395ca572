package com.dravo.webhooks.security;

import java.util.List;

import com.dravo.webhooks.web.InvalidRequestException;
import com.dravo.webhooks.web.Problem.FieldProblem;

/**
 * The URL's host is not an address the service may send to. At registration it is a 400; at
 * delivery it becomes the attempt's error text, {@link #reason()}.
 */
public class AddressRefusedException extends InvalidRequestException {

    private final String reason;

    public AddressRefusedException(String reason, String detail) {
        super("address_not_allowed", detail, List.of(new FieldProblem("url", detail)));
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
