package org.virtregress.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RpmVersionTest {
    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0, 0",
        "1.0, 2.0, -1",
        "2.0.1, 2.0, 1",
        "1.0a, 1.0, 1",
        "1.0.a, 1.0.1, -1",
        "1.05, 1.5, 0",
        "1.010, 1.9, 1",
        "1.0~rc1, 1.0, -1",
        "1.0~rc1, 1.0~rc2, -1",
        "1.0^git1, 1.0, 1",
        "1.0^git1, 1.0.1, -1",
        "1.0^, 1.0, 1",
        "1.0~rc1^git1, 1.0~rc1, 1",
        "1_0, 1.0, 0",
        "a, 1, -1",
        "abc, abd, -1",
        "9.1.0+git20241002.abc1234, 9.1.0, 1",
    })
    void shouldOrderLikeRpmvercmp(String a, String b, int expected) {
        assertThat(RpmVersion.compare(a, b)).isEqualTo(expected);
        assertThat(RpmVersion.compare(b, a)).isEqualTo(-expected);
    }

    @Test
    void shouldParseAndOrderEpochVersionRelease() {
        Evr evr = Evr.parse("2:9.1.0-3.fc41");

        assertThat(evr).isEqualTo(new Evr(2, "9.1.0", "3.fc41"));
        assertThat(evr).hasToString("2:9.1.0-3.fc41");
        assertThat(Evr.parse("1:1.0-1")).isGreaterThan(Evr.parse("9.9-9"));
        assertThat(Evr.parse("1.0-10")).isGreaterThan(Evr.parse("1.0-9"));
        assertThat(Evr.parse("0:1.0-1")).isEqualByComparingTo(Evr.parse("1.0-1"));
        assertThat(Evr.parse("1.0")).isLessThan(Evr.parse("1.0-1")).hasToString("1.0");
        assertThat(Evr.of(null, "1.2", "3")).hasToString("1.2-3");
    }

    @Test
    void shouldRejectABadEpochNamingTheInput() {
        assertThatThrownBy(() -> Evr.parse("x:1.0-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x:1.0-1");
    }
}
