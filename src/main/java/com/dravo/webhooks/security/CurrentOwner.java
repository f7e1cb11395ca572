package com.dravo.webhooks.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;

/** The owner named by the caller's token: the only source of the owner in every query. */
@RequestScoped
public class CurrentOwner {

    private static final int MAX_OWNER_LENGTH = 255;

    private final JsonWebToken token;
    private final AuthConfig config;

    CurrentOwner(JsonWebToken token, AuthConfig config) {
        this.token = token;
        this.config = config;
    }

    public String id() {
        Object claim = token.getClaim(config.ownerClaim());
        String owner = claim instanceof JsonString json ? json.getString() : stringOf(claim);
        if (!isUsable(owner)) {
            throw new UnauthorizedException("token has no usable owner claim");
        }
        return owner;
    }

    /** Owners are ids: short, printable, and storable as PostgreSQL text. */
    public static boolean isUsable(String owner) {
        return owner != null && !owner.isBlank() && owner.length() <= MAX_OWNER_LENGTH
                && owner.chars().noneMatch(Character::isISOControl);
    }

    private static String stringOf(Object claim) {
        return claim instanceof String text ? text : null;
    }
}
