package com.dravo.webhooks.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import com.dravo.webhooks.web.InvalidRequestException;

/**
 * An endpoint URL that passed the syntax rules: absolute, https (or http where allowed), no
 * user-info, fragment or backslash, a valid host and port. Scheme and host are lower case.
 *
 * @param literal the address when the host is an IP literal; empty for a DNS name
 */
public record TargetUrl(String scheme, String host, int port, String pathAndQuery,
        Optional<InetAddress> literal) {

    public static final int MAX_LENGTH = 2048;
    private static final String FIELD = "url";
    private static final String CODE = "invalid_url";

    public static TargetUrl parse(String raw, boolean allowHttp) {
        if (raw == null || raw.isBlank()) {
            throw invalid("url is required");
        }
        if (raw.length() > MAX_LENGTH) {
            throw invalid("url must be at most " + MAX_LENGTH + " characters");
        }
        if (raw.indexOf('\\') >= 0) {
            throw invalid("url must not contain a backslash");
        }
        if (!raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid("url must not contain spaces, control or non-ASCII characters");
        }

        URI uri = toUri(raw);
        String scheme = schemeOf(uri, allowHttp);
        if (uri.getRawUserInfo() != null || uri.getRawAuthority().contains("@")) {
            throw invalid("url must not contain user info");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url must not contain a fragment");
        }

        Authority authority = Authority.parse(uri.getRawAuthority(), scheme);
        Optional<InetAddress> literal = literalOf(authority.host());
        // An IP literal is kept in its one canonical form, as browsers serialise it.
        String host = literal.map(HostLiteral::canonical).orElse(authority.host());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new TargetUrl(scheme, host, authority.port(), path + query, literal);
    }

    /** The URL in its stored form. */
    @Override
    public String toString() {
        boolean defaultPort = port == ("https".equals(scheme) ? 443 : 80);
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + hostPart + (defaultPort ? "" : ":" + port) + pathAndQuery;
    }

    public boolean https() {
        return "https".equals(scheme);
    }

    /** The path and query to send, never empty. */
    public String requestUri() {
        return pathAndQuery.isEmpty() || pathAndQuery.startsWith("?")
                ? "/" + pathAndQuery
                : pathAndQuery;
    }

    private static URI toUri(String raw) {
        try {
            URI uri = new URI(raw);
            if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
                throw invalid("url must be an absolute URL such as https://example.com/hooks");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URL");
        }
    }

    private static String schemeOf(URI uri, boolean allowHttp) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ("https".equals(scheme) || ("http".equals(scheme) && allowHttp)) {
            return scheme;
        }
        throw invalid("url must use https");
    }

    private static Optional<InetAddress> literalOf(String host) {
        try {
            return HostLiteral.parse(host);
        } catch (IllegalArgumentException e) {
            throw invalid("url host is not a valid DNS name or IP address: " + e.getMessage());
        }
    }

    static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(CODE, FIELD, message);
    }

    /** Host (lower case, IPv6 without brackets) and effective port of an authority. */
    private record Authority(String host, int port) {

        static Authority parse(String authority, String scheme) {
            String host;
            String portText;
            if (authority.startsWith("[")) {
                int close = authority.indexOf(']');
                if (close < 0) {
                    throw invalid("url host is not a valid IPv6 address");
                }
                host = authority.substring(1, close);
                String rest = authority.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw invalid("url host is not a valid IPv6 address");
                }
                portText = rest.isEmpty() ? null : rest.substring(1);
            } else {
                int colon = authority.lastIndexOf(':');
                host = colon < 0 ? authority : authority.substring(0, colon);
                portText = colon < 0 ? null : authority.substring(colon + 1);
                if (host.indexOf(':') >= 0) {
                    throw invalid("url must put an IPv6 address in brackets");
                }
            }
            if (host.isEmpty()) {
                throw invalid("url must name a host");
            }
            int defaultPort = "https".equals(scheme) ? 443 : 80;
            return new Authority(host.toLowerCase(Locale.ROOT), portOf(portText, defaultPort));
        }

        private static int portOf(String text, int defaultPort) {
            if (text == null) {
                return defaultPort;
            }
            if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
                throw invalid("url port must be a number from 1 to 65535");
            }
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw invalid("url port must be a number from 1 to 65535");
            }
            return port;
        }
    }
}
