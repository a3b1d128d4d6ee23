package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.virtregress.testing.BisectResultBuilder.bisectResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.Phase;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.Verdict;
import org.virtregress.install.CommandRecord;
import org.virtregress.install.InstallResult;
import org.virtregress.install.PackageChange;
import org.virtregress.install.PackageSpec;
import org.virtregress.storage.Json;
import org.virtregress.suite.CaseAttempt;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.SuiteAttempt;
import org.virtregress.suite.SuiteResult;

/** The engine's results cross the remoting channel as JSON: each must come back equal. */
class JsonRoundTripTest {
    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        return Json.mapper().readValue(Json.mapper().writeValueAsString(value), type);
    }

    @Test
    void shouldCarryAnInstallResult() throws Exception {
        InstallResult result = new InstallResult("zypper", "/srv/test-root", List.of(new PackageSpec("qemu", "9.1.0-4.1")),
                List.of("qemu-old"), List.of("https://example.org/repo/"), Map.of("qemu", "9.1.0-3.1"),
                Map.of("qemu", "9.1.0-3.1"), List.of(new CommandRecord(List.of("zypper", "install"), 8, false,
                Duration.ofSeconds(3))), false, true, List.of(new PackageChange("qemu", "9.1.0-4.1", "9.1.0-3.1")),
                "scriptlet failed", "log", Instant.parse("2026-11-22T05:00:00Z"), Duration.ofSeconds(9));

        assertThat(roundTrip(result, InstallResult.class)).isEqualTo(result);
    }

    @Test
    void shouldCarryASuiteResultWithReruns() throws Exception {
        CaseResult flaky = CaseResult.of("2", "net", CaseStatus.FAIL, Duration.ofSeconds(1), "no link", "dmesg")
                .withRerun(new CaseAttempt(2, CaseStatus.PASS, Duration.ofSeconds(1), null, null, List.of("log/2")));
        SuiteResult result = SuiteResult.of("boot", List.of(
                CaseResult.of("1", "boots", CaseStatus.PASS, Duration.ofMillis(1500), null, null), flaky),
                List.of(new SuiteAttempt(null, 1, List.of("prove", "t/"), 1, false, Duration.ofSeconds(4), "log/1")),
                Duration.ofSeconds(6), null, "logs/boot.log");

        assertThat(roundTrip(result, SuiteResult.class)).isEqualTo(result);
    }

    @Test
    void shouldCarryABisectionOutcome() throws Exception {
        String culprit = "a".repeat(40);
        ProbeRecord probe = new ProbeRecord(Phase.BISECT, 1, culprit, "b".repeat(40), Verdict.BAD, 2,
                List.of(Verdict.BAD, Verdict.BAD), Duration.ofSeconds(8), "logs/1", "sig", "exit 1", false);
        BisectResult result = bisectResult().range(List.of("c".repeat(40)), culprit).candidates(5)
                .outcome(Outcome.COMPLETE, "first bad")
                .culprit(new CandidateDetails(culprit, "Ann <ann@example.org>", Instant.parse("2026-01-01T00:00:00Z"), "break",
                        List.of("hw/i386/pc.c")))
                .probes(List.of(probe)).counts(1, 1, 2, 1).times(Duration.ofSeconds(9), Duration.ofSeconds(8)).build();
        BisectOutcome outcome = new BisectOutcome(result, Map.of(culprit, "break"),
                Map.of("BISECT/1/" + culprit, 3), "virt-regress-bisect/state-0123456789abcdef-logs", 1, true);

        assertThat(roundTrip(outcome, BisectOutcome.class)).isEqualTo(outcome);
    }
}
