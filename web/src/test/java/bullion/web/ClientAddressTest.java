package bullion.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void ipv6AddressesInOneSlash64AreOneClient() {
        assertThat(ClientAddress.key("2001:db8:0:1:aaaa::1")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientAddress.key("2001:0db8:0000:0001:bbbb:cccc:dddd:eeee")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientAddress.key("[2001:db8:0:1::7]")).isEqualTo("2001:db8:0:1::/64");
        assertThat(ClientAddress.key("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
    }

    @Test
    void ipv6AddressesInDifferentSlash64sAreDifferentClients() {
        assertThat(ClientAddress.key("2001:db8:0:2::1")).isNotEqualTo(ClientAddress.key("2001:db8:0:1::1"));
    }

    @Test
    void anIpv4AddressIsItsOwnClientEvenWhenMappedIntoIpv6() {
        assertThat(ClientAddress.key("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.key("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.key("192.0.2.2")).isNotEqualTo(ClientAddress.key("192.0.2.1"));
    }

    @Test
    void somethingThatIsNotAnAddressIsKeptAsItIs() {
        assertThat(ClientAddress.key("not:an:address")).isEqualTo("not:an:address");
        assertThat(ClientAddress.key("unknown")).isEqualTo("unknown");
    }

    @Test
    void theLastHopIsWhatSplittingOnCommasGaveLast() {
        java.util.Random random = new java.util.Random(14);
        String alphabet = "1., :a\t";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder header = new StringBuilder();
            int length = random.nextInt(9);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = header.toString();
            String[] hops = text.split(",");
            String expected = hops.length == 0 ? "" : hops[hops.length - 1].strip();
            assertThat(ClientAddress.lastHop(text)).as(text).isEqualTo(expected);
        }
    }
}
