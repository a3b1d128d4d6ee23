package org.virtregress.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
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
import org.virtregress.report.BuildBisection;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.Probe;
import org.virtregress.testing.BisectResultBuilder;
import org.virtregress.testing.ProbeRecordBuilder;

class DemoReportTest {
    private static final String GOOD = "a".repeat(40);
    private static final String CULPRIT = "c".repeat(40);
    private static final String BAD = "d".repeat(40);

    @Test
    void shouldMapACompleteCommitBisectionWithItsConfirmationAndProbes() {
        StringWriter out = new StringWriter();
        ProbeLog log = new ProbeLog(new DemoProgress(new PrintWriter(out)), id -> "subject of " + id.charAt(0), 2);
        ProbeRecord bisect = probe(Phase.BISECT, 1, CULPRIT, Verdict.BAD, List.of(Verdict.BAD));
        log.probed(bisect, 1);
        BisectResult result = result(Outcome.COMPLETE, List.of(bisect), List.of(
                probe(Phase.CONFIRM, 0, GOOD, Verdict.GOOD, List.of(Verdict.GOOD, Verdict.GOOD)),
                probe(Phase.CONFIRM, 0, CULPRIT, Verdict.BAD, List.of(Verdict.BAD, Verdict.BAD))));

        CommitBisection report = DemoReport.commits("file:///upstream/", result, log, log::label);

        assertThat(report.outcome()).isEqualTo(CommitBisection.Outcome.COMPLETE);
        assertThat(report.message()).isNull();
        assertThat(report.culprit().hash()).isEqualTo(CULPRIT);
        assertThat(report.culprit().author()).isEqualTo("Bruno Okafor");
        assertThat(report.culprit().email()).isEqualTo("bruno@virt-regress-demo.example");
        assertThat(report.confirmation().parentRuns()).containsExactly(Probe.Verdict.GOOD, Probe.Verdict.GOOD);
        assertThat(report.confirmation().culpritRuns()).containsExactly(Probe.Verdict.BAD, Probe.Verdict.BAD);
        assertThat(report.probes()).singleElement().satisfies(p -> {
            assertThat(p.round()).isEqualTo(1);
            assertThat(p.subject()).isEqualTo("subject of c");
            assertThat(p.remaining()).isEqualTo(1);
            assertThat(p.log()).isEqualTo("../probes/commits/01/guest.log");
        });
        assertThat(out.toString()).contains("bisect subject of c: BAD in 4.2 s (memory: too small), 1 left")
                .contains("confirming: the culprit's parent must pass and the culprit fail, 2 runs each");
    }

    @Test
    void shouldNameBuildProbesAndTheirRemainingCandidatesAsTheLogHeardThem() {
        ProbeLog log = new ProbeLog(new DemoProgress(new PrintWriter(new StringWriter())), id -> "build " + id, 0);
        ProbeRecord bisect = probe(Phase.BISECT, 1, CULPRIT, Verdict.BAD, List.of(Verdict.BAD));
        ProbeRecord unheard = probe(Phase.BISECT, 2, GOOD, Verdict.GOOD, List.of(Verdict.GOOD));
        log.probed(bisect, 3);

        BuildBisection report = DemoReport.builds("demo-hv", result(Outcome.COMPLETE, List.of(bisect, unheard),
                List.of()), null, null, log);

        assertThat(report.probes()).extracting(Probe::subject, Probe::remaining)
                .containsExactly(tuple("build " + CULPRIT, 3), tuple("build " + GOOD, null));
    }

    private static BisectResult result(Outcome outcome, List<ProbeRecord> probes, List<ProbeRecord> confirmation) {
        CandidateDetails culprit = new CandidateDetails(CULPRIT, "Bruno Okafor <bruno@virt-regress-demo.example>",
                Instant.parse("2024-05-08T06:40:00Z"), "memory: require 512 MiB", List.of("conf/memory-min-mib"));
        return BisectResultBuilder.bisectResult().range(List.of(GOOD), BAD).candidates(6)
                .outcome(outcome, "first bad: " + CULPRIT).culprit(culprit).probes(probes).confirmation(confirmation)
                .counts(1, 1, 5, 2).times(Duration.ofSeconds(30), Duration.ofSeconds(20))
                .expectedSignature("memory: <N>").build();
    }

    private static ProbeRecord probe(Phase phase, int round, String candidate, Verdict verdict, List<Verdict> runs) {
        return ProbeRecordBuilder.probe(candidate, verdict).phase(phase, round).runs(runs)
                .duration(Duration.ofMillis(4200)).log("../probes/commits/01/guest.log")
                .failure(verdict == Verdict.BAD ? "memory: <N>" : null, verdict == Verdict.BAD ? "memory: too small" : "ok")
                .build();
    }
}
