package com.dravo.webhooks.security;

/** What the service does with a webhook host: send, refuse, reject, or resolve it. */
enum HostDecision {
    ALLOWED, REFUSED, INVALID, NAME;

    static HostDecision of(String host, AddressRules rules) {
        try {
            return HostLiteral.parse(host)
                    .map(address -> rules.allows(address) ? ALLOWED : REFUSED)
                    .orElse(NAME);
        } catch (IllegalArgumentException e) {
            return INVALID;
        }
    }
}
