package com.dravo.webhooks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How hosts are read: which address a literal denotes, and why a bad host fails. */
class HostLiteralTest {

    @ParameterizedTest(name = "{0} denotes {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1                           | 127.0.0.1
            0x7f.1                              | 127.0.0.1
            0X7F.1                              | 127.0.0.1
            0177.0.0.1                          | 127.0.0.1
            127.1                               | 127.0.0.1
            127.0.1                             | 127.0.0.1
            2130706433                          | 127.0.0.1
            017700000001                        | 127.0.0.1
            127.000.000.001                     | 127.0.0.1
            000000000000000000000000177.1       | 127.0.0.1
            0x00000000000000000000007f.1        | 127.0.0.1
            127.0.0.1.                          | 127.0.0.1
            10.1                                | 10.0.0.1
            0x0a000001                          | 10.0.0.1
            192.168.1                           | 192.168.0.1
            0                                   | 0.0.0.0
            0x                                  | 0.0.0.0
            0x.0x.0x.0x                         | 0.0.0.0
            1.65535                             | 1.0.255.255
            1.16777215                          | 1.255.255.255
            1.2.65535                           | 1.2.255.255
            4294967295                          | 255.255.255.255
            0377.0377.0377.0377                 | 255.255.255.255
            [::1]                               | 0:0:0:0:0:0:0:1
            ::1                                 | 0:0:0:0:0:0:0:1
            [0000:0000::0001]                   | 0:0:0:0:0:0:0:1
            [::ffff:127.0.0.1]                  | 0:0:0:0:0:ffff:7f00:1
            [::ffff:7f00:1]                     | 0:0:0:0:0:ffff:7f00:1
            [::127.0.0.1]                       | 0:0:0:0:0:0:7f00:1
            [64:ff9b::8.8.8.8]                  | 64:ff9b:0:0:0:0:808:808
            [2001:db8:0:0:1:0:0:1]              | 2001:db8:0:0:1:0:0:1
            """)
    void literalDenotesTheAddressBrowsersWouldUse(String host, String expected) {
        InetAddress address = HostLiteral.parse(host).orElseThrow();

        assertThat(address.getHostAddress()).isEqualTo(expected);
    }

    @Test
    void ipv4MappedLiteralKeepsItsIpv6Identity() {
        InetAddress mapped = HostLiteral.parse("[::ffff:127.0.0.1]").orElseThrow();

        assertThat(mapped).isInstanceOf(Inet6Address.class);
        assertThat(mapped.getAddress()).hasSize(16);
        assertThat(HostLiteral.parse("127.0.0.1").orElseThrow())
                .isInstanceOf(Inet4Address.class);
    }

    @ParameterizedTest(name = "{0} is a name to resolve")
    @ValueSource(strings = {
        "example.com", "localhost", "a", "hooks.example.co.uk", "xn--bcher-kva.example",
        "example.com.", "1.2.3.example.com", "0x7f.example", "123.example", "a-b.c-d",
        "0x1g", "1.0x1g", "127.0.0.1a"
    })
    void dnsNameIsLeftToResolve(String host) {
        assertThat(HostLiteral.parse(host)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" fails: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            [fe80::1%25eth0]     | zone ids are not allowed
            fe80::1%eth0         | zone ids are not allowed
            [::1                 | malformed brackets around IPv6 address
            [::1]:80             | malformed brackets around IPv6 address
            []                   | not a valid IPv6 address
            [1.2.3.4]            | not a valid IPv6 address
            [1::2::3]            | not a valid IPv6 address
            [1:2:3:4:5:6:7:8:9]  | not a valid IPv6 address
            [00001::]            | not a valid IPv6 address
            [::ffff:127.0.0.01]  | not a valid IPv6 address
            [::ffff:127.1]       | not a valid IPv6 address
            [::1/128]            | not a valid IPv6 address
            [::*]                | not a valid IPv6 address
            [ ::1]               | not a valid IPv6 address
            example.com:80       | not a valid IPv6 address
            1.2.3.4.5            | not a valid IPv4 address
            256.1.1.1            | not a valid IPv4 address
            1.1.1.256            | not a valid IPv4 address
            1.2.16777216         | not a valid IPv4 address
            0x100000000          | not a valid IPv4 address
            08                   | not a valid IPv4 address
            0x1g.1               | not a valid IPv4 address
            1..2                 | not a valid IPv4 address
            .1                   | not a valid IPv4 address
            １２７.0.0.1          | not a valid IPv4 address
            example.123          | not a valid IPv4 address
            127.0.0.１            | not a valid host name
            .                    | not a valid host name
            example..com         | not a valid host name
            .example.com         | not a valid host name
            example.com..        | not a valid host name
            exa_mple.com         | not a valid host name
            ex ample.com         | not a valid host name
            bücher.example       | not a valid host name
            Example.com          | not a valid host name
            """)
    void badHostFailsWithAPlainReason(String host, String reason) {
        assertThatThrownBy(() -> HostLiteral.parse(host))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @Test
    void emptyHostFails() {
        assertThatThrownBy(() -> HostLiteral.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("empty host");
    }

    @Test
    void labelMayHaveAtMost63Characters() {
        String longest = "a".repeat(63);

        assertThat(HostLiteral.parse(longest + ".example")).isEmpty();
        assertThatThrownBy(() -> HostLiteral.parse(longest + "a.example"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nameMayHaveAtMost253CharactersBesidesTheTrailingDot() {
        String longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63),
                "d".repeat(61));

        assertThat(longest).hasSize(253);
        assertThat(HostLiteral.parse(longest)).isEmpty();
        assertThat(HostLiteral.parse(longest + ".")).isEmpty();
        assertThatThrownBy(() -> HostLiteral.parse("e" + longest))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
