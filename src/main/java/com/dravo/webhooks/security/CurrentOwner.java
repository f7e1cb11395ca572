package com.dravo.webhooks.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The owner named by the caller's token: the only source of the owner in every query. */
@RequestScoped
public class CurrentOwner {

    private final JsonWebToken token;
    private final AuthConfig config;

    CurrentOwner(JsonWebToken token, AuthConfig config) {
        this.token = token;
        this.config = config;
    }

    public String id() {
        Object claim = token.getClaim(config.ownerClaim());
        String owner = claim instanceof JsonString json ? json.getString() : stringOf(claim);
        if (owner == null || owner.isBlank()) {
            throw new UnauthorizedException("token has no owner claim");
        }
        return owner;
    }

    private static String stringOf(Object claim) {
        return claim instanceof String text ? text : null;
    }
}
