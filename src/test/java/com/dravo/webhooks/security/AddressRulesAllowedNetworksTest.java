package com.dravo.webhooks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operator-allowed networks: what they exempt, and how bad entries are reported. */
class AddressRulesAllowedNetworksTest {

    @ParameterizedTest(name = "allowing {0} makes {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.0/8 ::1/128          | 127.0.0.1          | ALLOWED
            127.0.0.0/8 ::1/128          | 127.8.9.10         | ALLOWED
            127.0.0.0/8 ::1/128          | 2130706433         | ALLOWED
            127.0.0.0/8 ::1/128          | [::1]              | ALLOWED
            127.0.0.0/8 ::1/128          | 8.8.8.8            | ALLOWED
            127.0.0.0/8 ::1/128          | 10.0.0.1           | REFUSED
            127.0.0.0/8 ::1/128          | [::2]              | REFUSED
            127.0.0.0/8 ::1/128          | [::ffff:127.0.0.1] | REFUSED
            127.0.0.0/8 ::1/128          | [::127.0.0.1]      | REFUSED
            10.0.0.0/8                   | 10.0.0.1           | ALLOWED
            10.0.0.0/8                   | [64:ff9b::a00:1]   | REFUSED
            10.0.0.0/8                   | [2002:a00:1::]     | REFUSED
            ::ffff:0:0/96                | [::ffff:127.0.0.1] | ALLOWED
            ::ffff:0:0/96                | 127.0.0.1          | REFUSED
            192.168.1.10                 | 192.168.1.10       | ALLOWED
            192.168.1.10                 | 192.168.1.11       | REFUSED
            fd00:ec2::/32                | [fd00:ec2::254]    | ALLOWED
            fd00:ec2::/32                | [fd00:ec3::254]    | REFUSED
            0.0.0.0/0                    | 169.254.169.254    | ALLOWED
            0.0.0.0/0                    | [fe80::1]          | REFUSED
            """)
    void allowedNetworksExemptOnlyTheAddressesInsideThem(
            String networks, String host, HostDecision expected) {
        AddressRules rules = new AddressRules(List.of(networks.split(" ")));

        assertThat(HostDecision.of(host, rules)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/33        | not a valid network: "10.0.0.0/33"
            nope               | not a valid network: "nope"
            10.0.0.0/8x        | not a valid network: "10.0.0.0/8x"
            10.1/8             | not a valid network: "10.1/8"
            010.0.0.0/8        | not a valid network: "010.0.0.0/8"
            10.0.0.0/255.0.0.0 | not a valid network: "10.0.0.0/255.0.0.0"
            10.0.0.*           | not a valid network: "10.0.0.*"
            10.0.0.1-5         | not a valid network: "10.0.0.1-5"
            fe80::1%eth0       | not a valid network: "fe80::1%eth0"
            [::1]              | not a valid network: "[::1]"
            ::1/129            | not a valid network: "::1/129"
            10.0.0.5/8         | network has host bits set: "10.0.0.5/8"
            fd00::1/8          | network has host bits set: "fd00::1/8"
            """)
    void invalidAllowedNetworkIsReportedByName(String network, String message) {
        List<String> networks = List.of("127.0.0.0/8", network);

        assertThatThrownBy(() -> new AddressRules(networks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void emptyAllowedNetworkIsReported() {
        List<String> networks = List.of("");

        assertThatThrownBy(() -> new AddressRules(networks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a valid network: \"\"");
    }
}
