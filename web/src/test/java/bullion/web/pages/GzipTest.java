package bullion.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which {@code Accept-Encoding} headers take a page kept gzipped. */
class GzipTest {

    @Test
    void takesGzipWhereverItIsListedWithoutAZeroQuality() {
        assertThat(Gzip.accepted("gzip")).isTrue();
        assertThat(Gzip.accepted("gzip, deflate, br, zstd")).isTrue(); // Chromium's
        assertThat(Gzip.accepted("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(Gzip.accepted("deflate, gzip ; q=0.001")).isTrue();
    }

    @Test
    void refusesNoHeaderOtherCodingsAndAZeroQuality() {
        assertThat(Gzip.accepted(null)).isFalse();
        assertThat(Gzip.accepted("")).isFalse();
        assertThat(Gzip.accepted("identity")).isFalse();
        assertThat(Gzip.accepted("br, deflate")).isFalse();
        assertThat(Gzip.accepted("x-gzip2, gzipped")).isFalse();
        assertThat(Gzip.accepted("gzip;q=0")).isFalse();
        assertThat(Gzip.accepted("gzip; Q=0.000, br")).isFalse();
    }

    @Test
    void aHostileQualityIsNotAFailure() {
        assertThat(Gzip.accepted("gzip;q=abc")).isTrue();
        assertThat(Gzip.accepted("gzip;q=, ;;,")).isTrue();
        assertThat(Gzip.accepted(",,,;")).isFalse();
    }
}
