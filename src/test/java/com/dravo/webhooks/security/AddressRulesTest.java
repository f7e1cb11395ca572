package com.dravo.webhooks.security;

import static com.dravo.webhooks.security.HostDecision.ALLOWED;
import static com.dravo.webhooks.security.HostDecision.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decisions for hosts as users type them, with no operator exemptions. */
class AddressRulesTest {

    private static final AddressRules NO_EXEMPTIONS = new AddressRules(List.of());

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # Every spelling of loopback, private and metadata addresses is refused.
            127.0.0.1                | REFUSED
            2130706433               | REFUSED
            0x7f000001               | REFUSED
            017700000001             | REFUSED
            0x7f.1                   | REFUSED
            0177.0.0.1               | REFUSED
            127.1                    | REFUSED
            127.000.000.001          | REFUSED
            127.0.0.1.               | REFUSED
            10.0.0.1                 | REFUSED
            10.1                     | REFUSED
            167772161                | REFUSED
            0x0a000001               | REFUSED
            012.0.0.1                | REFUSED
            192.168.1                | REFUSED
            169.254.169.254          | REFUSED
            2852039166               | REFUSED
            0xa9fea9fe               | REFUSED
            0251.0376.0251.0376      | REFUSED
            169.254.43518            | REFUSED
            169.254.170.2            | REFUSED
            100.100.100.200          | REFUSED
            0                        | REFUSED
            0.0.0.0                  | REFUSED
            0x0                      | REFUSED
            0x                       | REFUSED
            0.0                      | REFUSED
            255.255.255.255          | REFUSED
            4294967295               | REFUSED
            224.0.0.1                | REFUSED
            # Public addresses, however spelled, are allowed.
            1.1.1.1                  | ALLOWED
            8.8.8.8                  | ALLOWED
            134744072                | ALLOWED
            0x8.0x8.0x8.0x8          | ALLOWED
            93.184.216.34            | ALLOWED
            1.2.3.4.                 | ALLOWED
            # IPv6 outside global unicast, or wrapping a non-global IPv4, is refused.
            [::1]                    | REFUSED
            ::1                      | REFUSED
            [::]                     | REFUSED
            [0:0:0:0:0:0:0:1]        | REFUSED
            [::ffff:127.0.0.1]       | REFUSED
            [::ffff:7f00:1]          | REFUSED
            [::ffff:8.8.8.8]         | REFUSED
            [::127.0.0.1]            | REFUSED
            [64:ff9b::a00:1]         | REFUSED
            [64:ff9b::808:808]       | ALLOWED
            [64:ff9b::8.8.8.8]       | ALLOWED
            [64:ff9b::a9fe:a9fe]     | REFUSED
            [64:ff9b:1::808:808]     | REFUSED
            [2002:7f00:1::]          | REFUSED
            [2002:a9fe:a9fe::1]      | REFUSED
            [2002:808:808::]         | ALLOWED
            [fe80::1]                | REFUSED
            [fc00::1]                | REFUSED
            [fd00:ec2::254]          | REFUSED
            [ff02::1]                | REFUSED
            [100::1]                 | REFUSED
            [1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff] | REFUSED
            [4000::1]                | REFUSED
            [2001::1]                | REFUSED
            [2001:2::1]              | REFUSED
            [2001:10::1]             | REFUSED
            [2001:1ff:ffff::1]       | REFUSED
            [2001:200::1]            | ALLOWED
            [2001:db8::1]            | REFUSED
            [3fff::1]                | REFUSED
            [3fff:fff:ffff::1]       | REFUSED
            [3fff:1000::1]           | ALLOWED
            [2000::1]                | ALLOWED
            [2606:4700:4700::1111]   | ALLOWED
            [2001:4860:4860::8888]   | ALLOWED
            [2606:4700:4700:0000:0000:0000:0000:1111] | ALLOWED
            # Neither an address nor a name.
            [fe80::1%25eth0]         | INVALID
            [fe80::1%eth0]           | INVALID
            [::1                     | INVALID
            [1.2.3.4]                | INVALID
            [::ffff:127.0.0.01]      | INVALID
            [::ffff:0x7f.1]          | INVALID
            [12345::1]               | INVALID
            [2001:db8::/32]          | INVALID
            1.2.3.4.5                | INVALID
            256.1.1.1                | INVALID
            1.256.1.1                | INVALID
            1.1.1.256                | INVALID
            1.16777216               | INVALID
            0x100000000              | INVALID
            4294967296               | INVALID
            99999999999999999999     | INVALID
            08                       | INVALID
            1..2                     | INVALID
            ex ample.com             | INVALID
            exa_mple.com             | INVALID
            -a.com                   | INVALID
            a-.com                   | INVALID
            a..com                   | INVALID
            %31%32%37.0.0.1          | INVALID
            example.0x1              | INVALID
            example.123              | INVALID
            exa\\mple.com            | INVALID
            bücher.example           | INVALID
            # The label below has 64 characters, one more than DNS allows.
            aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com | INVALID
            # DNS names are left to resolve, and their answers go through the same rules.
            example.com              | NAME
            localhost                | NAME
            hooks.example.co.uk      | NAME
            xn--bcher-kva.example    | NAME
            example.com.             | NAME
            1.2.3.example.com        | NAME
            0x7f.example             | NAME
            """)
    void decidesEachHostWithoutExemptions(String host, HostDecision expected) {
        assertThat(HostDecision.of(host, NO_EXEMPTIONS)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} to {1} is refused, {2} and {3} around it are allowed")
    @CsvSource(delimiter = '|', textBlock = """
            0.0.0.0       | 0.255.255.255   |                 | 1.0.0.0
            10.0.0.0      | 10.255.255.255  | 9.255.255.255   | 11.0.0.0
            100.64.0.0    | 100.127.255.255 | 100.63.255.255  | 100.128.0.0
            127.0.0.0     | 127.255.255.255 | 126.255.255.255 | 128.0.0.0
            169.254.0.0   | 169.254.255.255 | 169.253.255.255 | 169.255.0.0
            172.16.0.0    | 172.31.255.255  | 172.15.255.255  | 172.32.0.0
            192.0.0.0     | 192.0.0.255     | 191.255.255.255 | 192.0.1.0
            192.0.2.0     | 192.0.2.255     | 192.0.1.255     | 192.0.3.0
            192.88.99.0   | 192.88.99.255   | 192.88.98.255   | 192.88.100.0
            192.168.0.0   | 192.168.255.255 | 192.167.255.255 | 192.169.0.0
            198.18.0.0    | 198.19.255.255  | 198.17.255.255  | 198.20.0.0
            198.51.100.0  | 198.51.100.255  | 198.51.99.255   | 198.51.101.0
            203.0.113.0   | 203.0.113.255   | 203.0.112.255   | 203.0.114.0
            224.0.0.0     | 239.255.255.255 | 223.255.255.255 |
            240.0.0.0     | 255.255.255.255 |                 |
            """)
    void refusesNonGlobalIpv4BlocksUpToTheirEdges(
            String first, String last, String justBelow, String justAbove) {
        assertThat(HostDecision.of(first, NO_EXEMPTIONS)).isEqualTo(REFUSED);
        assertThat(HostDecision.of(last, NO_EXEMPTIONS)).isEqualTo(REFUSED);

        for (String neighbour : new String[] {justBelow, justAbove}) {
            if (neighbour != null) {
                assertThat(HostDecision.of(neighbour, NO_EXEMPTIONS)).as(neighbour)
                        .isEqualTo(ALLOWED);
            }
        }
    }
}
