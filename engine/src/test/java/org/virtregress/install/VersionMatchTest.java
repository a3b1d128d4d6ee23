package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionMatchTest {
    @Test
    void shouldMatchRpmVersionsAsFarAsTheRequestNamesThem() {
        assertThat(RpmDatabase.matches("2.0-1", "0:2.0-1")).isTrue();
        assertThat(RpmDatabase.matches("2.0", "0:2.0-7")).isTrue();
        assertThat(RpmDatabase.matches("0:2.0-1", "0:2.0-1")).isTrue();
        assertThat(RpmDatabase.matches("1:1.0-1", "1:1.0-1")).isTrue();
        assertThat(RpmDatabase.matches("2.0-1", "1:2.0-1")).isTrue();
    }

    @Test
    void shouldNotMatchAnotherRpmVersionOrSeveralInstalledOnes() {
        assertThat(RpmDatabase.matches("2.0-1", "0:2.0-2")).isFalse();
        assertThat(RpmDatabase.matches("2.0-1", "0:2.0.1-1")).isFalse();
        assertThat(RpmDatabase.matches("1:2.0-1", "0:2.0-1")).isFalse();
        assertThat(RpmDatabase.matches("2.0-1", "0:2.0-1, 0:3.0-1")).isFalse();
    }

    @Test
    void shouldMatchDebianVersionsExactlyOrWithoutTheEpoch() {
        assertThat(DpkgDatabase.matches("8.2.0+dfsg-1", "8.2.0+dfsg-1")).isTrue();
        assertThat(DpkgDatabase.matches("8.2.0+dfsg-1", "1:8.2.0+dfsg-1")).isTrue();
        assertThat(DpkgDatabase.matches("2:8.2.0+dfsg-1", "1:8.2.0+dfsg-1")).isFalse();
        assertThat(DpkgDatabase.matches("8.2.0", "8.2.0+dfsg-1")).isFalse();
        assertThat(DpkgDatabase.matches("3.0-1", "3.0-1 (half-configured)")).isFalse();
    }
}
