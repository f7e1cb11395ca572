package com.dravo.webhooks.endpoint;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on the endpoints one owner may register. */
@ConfigMapping(prefix = "dravo.endpoints")
public interface EndpointsConfig {

    /** Endpoints one owner may hold; registering one more is refused with 409. */
    @WithDefault("50")
    int maxPerOwner();
}
