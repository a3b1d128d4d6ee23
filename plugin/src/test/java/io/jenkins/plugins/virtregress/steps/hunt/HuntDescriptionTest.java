package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtregress.hunt.HuntResult.Ending;
import org.virtregress.hunt.HuntResult.Level;

class HuntDescriptionTest {
    @Test
    void shouldNameTheCulpritBuildAndTheShortCommit() {
        String line = HuntDescription.format(Ending.COMMIT, Level.COMMIT, "qemu", "9.1.0-3.1",
                "abc1234def5678abc1234def5678abc1234def56", "block: break the boot", null, "found");

        assertThat(line).isEqualTo("culprit: qemu 9.1.0-3.1, commit abc1234 \"block: break the boot\"");
    }

    @Test
    void shouldNameTheBuildAloneWhenNoCommitLevelRan() {
        assertThat(HuntDescription.format(Ending.BUILD, Level.BUILD, "demo", "1.2-1", null, null, null, "found"))
                .isEqualTo("culprit: demo 1.2-1");
    }

    @Test
    void shouldCallAReleaseOnlyChangeAPackagingChange() {
        assertThat(HuntDescription.format(Ending.PACKAGING, Level.COMMIT, "qemu", "9.1.0-3.2", null, null,
                "9.1.0-3.1", "same upstream")).isEqualTo("culprit: qemu 9.1.0-3.2, packaging change from 9.1.0-3.1");
    }

    @Test
    void shouldSayWhereAHuntWithoutCulpritStopped() {
        assertThat(HuntDescription.format(Ending.INCONCLUSIVE, Level.BUILD, null, null, null, null, null,
                "the culprit did not fail every time")).isEqualTo(
                "hunt: INCONCLUSIVE at level BUILD: the culprit did not fail every time");
    }
}
