package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.Phase;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.Verdict;

class ProbeProgressTest {
    private static ProbeRecord probe(String candidate, String reason) {
        return new ProbeRecord(Phase.BISECT, 2, candidate, null, Verdict.BAD, 1, List.of(Verdict.BAD),
                Duration.ofSeconds(4), null, null, reason, false);
    }

    @Test
    void shouldRememberTheCandidatesLeftAfterEachProbe() {
        List<String> lines = new ArrayList<>();
        ProbeProgress progress = new ProbeProgress(lines::add);

        progress.probed(probe("a".repeat(40), "exit code 1"), 7);

        assertThat(progress.remaining()).containsEntry("BISECT/2/" + "a".repeat(40), 7);
        assertThat(lines).containsExactly("Probe of " + "a".repeat(40) + " (bisect): BAD, 7 candidate(s) left");
        assertThat(progress.probed()).isEqualTo(1);
        assertThat(progress.replayed()).isZero();
    }

    @Test
    void shouldShowAVerdictFromTheStateFileAsReplayedNotAsAProbe() {
        List<String> lines = new ArrayList<>();
        ProbeProgress progress = new ProbeProgress(lines::add);

        progress.probed(probe("b".repeat(40), "exit code 1 " + ProbeProgress.REPLAYED_MARK), 3);

        assertThat(lines).singleElement().asString().startsWith("Replayed from the state file, not run again: ")
                .doesNotContain("Probe of");
        assertThat(progress.replayed()).isEqualTo(1);
    }
}
