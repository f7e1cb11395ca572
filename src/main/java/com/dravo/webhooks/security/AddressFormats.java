package com.dravo.webhooks.security;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddressStringParameters;

/** Strict settings for the ipaddress library: textbook notation, no extensions. */
final class AddressFormats {

    /** A URL's IPv6 literal, brackets removed: no zone, prefix or inet_aton forms. */
    static final IPAddressStringParameters IPV6_LITERAL = strict(false, false);

    /** An operator's allowed network: an IPv4 or IPv6 address, maybe with a prefix. */
    static final IPAddressStringParameters NETWORK = strict(true, true);

    private AddressFormats() {
    }

    private static IPAddressStringParameters strict(boolean ipv4, boolean prefix) {
        var builder = new IPAddressStringParameters.Builder()
                .allowEmpty(false)
                .allowAll(false)
                .allowSingleSegment(false)
                .allowIPv4(ipv4)
                .allowPrefix(prefix)
                .allowMask(false)
                .allowPrefixOnly(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE)
                .allow_inet_aton(false);

        // The defaults accept binary, base 85 and over-long segments; URLs know none.
        builder.getIPv6AddressParametersBuilder()
                .allowZone(false)
                .allowBase85(false)
                .allowBinary(false)
                .allowMixed(true)
                .allow_mixed_inet_aton(false)
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE)
                .getEmbeddedIPv4AddressParametersBuilder()
                .allow_inet_aton(false)
                .allowBinary(false)
                .allowLeadingZeros(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);

        // Leading zeros are refused because some readers take them as octal.
        builder.getIPv4AddressParametersBuilder()
                .allow_inet_aton(false)
                .allowBinary(false)
                .allowLeadingZeros(false)
                .allowUnlimitedLeadingZeros(false)
                .allowPrefixesBeyondAddressSize(false)
                .allowWildcardedSeparator(false)
                .setRangeOptions(RangeParameters.NO_RANGE);

        return builder.toParams();
    }
}
