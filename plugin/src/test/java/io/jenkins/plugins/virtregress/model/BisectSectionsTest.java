package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.virtregress.testing.BisectResultBuilder.bisectResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.Phase;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.Verdict;
import org.virtregress.testing.ProbeRecordBuilder;

class BisectSectionsTest {
    private static final String PARENT = "1".repeat(40);
    private static final String CULPRIT = "2".repeat(40);

    private static ProbeRecord probe(Phase phase, int round, String commit, Verdict verdict) {
        return ProbeRecordBuilder.probe(commit, verdict).phase(phase, round).duration(Duration.ofSeconds(2)).reason("")
                .build();
    }

    private static BisectResult result() {
        CandidateDetails culprit = new CandidateDetails(CULPRIT, "Ann <ann@example.org>", Instant.EPOCH,
                "<script>alert(1)</script> break the boot", List.of("hw/i386/pc.c"));
        return bisectResult().range(List.of(PARENT), "3".repeat(40)).candidates(3)
                .outcome(Outcome.COMPLETE, "first bad: " + CULPRIT).culprit(culprit)
                .probes(List.of(probe(Phase.VERIFY, 0, "3".repeat(40), Verdict.BAD),
                        probe(Phase.BISECT, 1, CULPRIT, Verdict.BAD)))
                .confirmation(List.of(probe(Phase.CONFIRM, 0, PARENT, Verdict.GOOD), probe(Phase.CONFIRM, 0, PARENT, Verdict.GOOD),
                        probe(Phase.CONFIRM, 0, CULPRIT, Verdict.BAD), probe(Phase.CONFIRM, 0, CULPRIT, Verdict.BAD)))
                .counts(1, 1, 6, 1).times(Duration.ofSeconds(20), Duration.ofSeconds(12)).build();
    }

    @Test
    void shouldStateTheConfidenceFromTheConfirmation() {
        assertThat(BisectSections.confidence(result())).isEqualTo("parent 2/2 good, culprit 2/2 bad");
    }
}
