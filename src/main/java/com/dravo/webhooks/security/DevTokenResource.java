package com.dravo.webhooks.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.arc.profile.IfBuildProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * Dev mode only (left out of test and production builds): a dashboard token for a local run,
 * signed with the key pair dev mode generated, so the API can be tried with curl at once.
 */
@IfBuildProfile("dev")
@Path("/dev/token")
public class DevTokenResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String token(@RestQuery String owner) {
        String subject = owner == null || owner.isBlank() ? "dev-owner" : owner;
        return Jwt.subject(subject).sign();
    }
}
