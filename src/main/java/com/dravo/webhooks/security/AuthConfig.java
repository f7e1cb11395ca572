package com.dravo.webhooks.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which token claim names the owner of endpoints; the token checks are MicroProfile JWT's. */
@ConfigMapping(prefix = "dravo.auth")
public interface AuthConfig {

    /** The claim whose value owns endpoints and deliveries. */
    @WithDefault("sub")
    String ownerClaim();
}
