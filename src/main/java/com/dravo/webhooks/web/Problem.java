package com.dravo.webhooks.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem body, the shape of every error this service answers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String code,
        List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field of a request, named as in the JSON the client sent. */
    @RegisterForReflection
    public record FieldProblem(String field, String message) {
    }
}
