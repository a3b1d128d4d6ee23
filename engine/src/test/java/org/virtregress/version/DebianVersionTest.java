package org.virtregress.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {
    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0, 0",
        "1.0, 1.0-0, 0",
        "1.0~rc1, 1.0, -1",
        "1.0, 1.0+b1, -1",
        "1.0.a, 1.0.1, 1",
        "1.0a, 1.0+, -1",
        "1:0.1, 9.9, 1",
        "1.0-1, 1.0-1~bpo1, 1",
        "1.05, 1.5, 0",
        "2.30-1, 2.4-1, 1",
        "1.0~~, 1.0~, -1",
    })
    void shouldOrderLikeDpkg(String a, String b, int expected) {
        assertThat(DebianVersion.compare(a, b)).isEqualTo(expected);
        assertThat(DebianVersion.compare(b, a)).isEqualTo(-expected);
    }

    @Test
    void shouldSplitEpochUpstreamAndRevision() {
        assertThat(DebianVersion.parse("1:9.1.0+ds-2-3")).isEqualTo(new DebianVersion(1, "9.1.0+ds-2", "3"));
        assertThat(DebianVersion.parse("9.1.0")).hasToString("9.1.0");
    }

    @Test
    void shouldDisagreeWithRpmWhereTheSchemesDiffer() {
        assertThat(VersionScheme.DEBIAN.compare("1.0.a", "1.0.1")).isEqualTo(1);
        assertThat(VersionScheme.RPM.compare("1.0.a", "1.0.1")).isEqualTo(-1);
    }
}
