package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HuntHistoryTest {
    private static HuntHistory.BuildRecord build(int number, String suite, boolean passed, String qemu) {
        return new HuntHistory.BuildRecord(number, suite, passed, qemu == null ? Map.of() : Map.of("qemu", qemu));
    }

    @Test
    void shouldChooseTheNewestEarlierBuildWhoseSuitePassed() {
        List<HuntHistory.BuildRecord> history = List.of(build(9, "boot", false, "9.1.0-3"),
                build(8, "boot", true, "9.1.0-2"), build(7, "boot", true, "9.1.0-1"));

        assertThat(HuntHistory.lastGood(history, "boot", 10)).get()
                .extracting(HuntHistory.BuildRecord::number).isEqualTo(8);
    }

    @Test
    void shouldIgnoreOtherSuitesLaterBuildsAndBuildsThatInstalledNothing() {
        List<HuntHistory.BuildRecord> history = List.of(build(12, "boot", true, "9.2.0-1"),
                build(9, "migration", true, "9.1.0-3"), build(8, "boot", true, null),
                build(5, "boot", true, "9.0.0-1"));

        assertThat(HuntHistory.lastGood(history, "boot", 10)).get()
                .satisfies(good -> assertThat(good.installed()).containsExactly(Map.entry("qemu", "9.0.0-1")))
                .extracting(HuntHistory.BuildRecord::number).isEqualTo(5);
    }

    @Test
    void shouldFindNothingWhenNoEarlierBuildPassed() {
        List<HuntHistory.BuildRecord> history = List.of(build(3, "boot", false, "9.1.0-3"),
                build(2, "boot", false, "9.1.0-2"));

        assertThat(HuntHistory.lastGood(history, "boot", 4)).isEmpty();
        assertThat(HuntHistory.noGoodBuild("boot", 4, 2)).contains("suite boot").contains("#4").contains("2 before");
    }
}
