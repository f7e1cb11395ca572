package com.dravo.webhooks.web;

import java.util.List;

import com.dravo.webhooks.web.Problem.FieldProblem;

/**
 * A failure the client can act on. Domain code throws one of the subclasses; the problem
 * mapper turns it into an RFC 9457 body with the status, code and detail given here.
 */
public abstract class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldProblem> errors;

    protected ApiException(int status, String code, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
