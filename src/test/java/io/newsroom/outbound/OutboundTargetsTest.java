package io.newsroom.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook", "http://127.1.2.3:8080/", "http://localhost/hook", "http://[::1]/hook",
            "http://10.0.0.5/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.10/",
            "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:169.254.169.254]/", "http://0.0.0.0/", "http://100.64.0.1/", "http://224.0.0.1/",
            "http://2130706433/", "http://0x7f000001/"})
    void addressesInsideTheNetworkAreRefused(String url) {
        assertThat(OutboundTargets.refusal(url, false)).as(url).isPresent();
        assertThat(OutboundTargets.refusal(url, true)).as(url + " when allowed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/", "file:///etc/passwd", "gopher://93.184.216.34/", "http://user:pw@93.184.216.34/",
            "http:///nohost", "not a url"})
    void onlyHttpUrlsWithAHostAndNoCredentialsAreTargetsEvenWhenPrivateOnesAreAllowed(String url) {
        assertThat(OutboundTargets.refusal(url, true)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8/", "https://[2606:4700:4700::1111]/", "http://172.32.0.1/",
            "http://192.169.0.1/", "http://100.128.0.1/"})
    void publicAddressesAreTargets(String url) {
        assertThat(OutboundTargets.refusal(url, false)).as(url).isEmpty();
    }
}
