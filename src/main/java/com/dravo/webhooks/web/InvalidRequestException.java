package com.dravo.webhooks.web;

import java.util.List;

import com.dravo.webhooks.web.Problem.FieldProblem;

/** The request is well-formed HTTP but one of its fields breaks a rule of the API: 400. */
public class InvalidRequestException extends ApiException {

    public InvalidRequestException(String code, String field, String message) {
        this(code, message, List.of(new FieldProblem(field, message)));
    }

    public InvalidRequestException(String code, String detail, List<FieldProblem> errors) {
        super(400, code, detail, errors);
    }
}
