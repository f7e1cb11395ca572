package com.dravo.webhooks.security;

import java.net.InetAddress;

/**
 * A URL together with the checked address to connect to. The connection goes to
 * {@link #address()}; TLS and the Host header still use the URL's host name.
 */
public record PinnedAddress(TargetUrl url, InetAddress address) {
}
