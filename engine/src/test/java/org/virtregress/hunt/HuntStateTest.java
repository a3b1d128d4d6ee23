package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;

class HuntStateTest {
    private static Map<String, String> suite(String command, String timeout) {
        Map<String, String> suite = new LinkedHashMap<>();
        suite.put("command", command);
        suite.put("timeout", timeout);
        return suite;
    }

    private static HuntFingerprint fingerprint(String bad, boolean flaky, double confidence, int maxRuns) {
        return new HuntFingerprint(Map.of("a", "1"), Map.of("a", bad), "x86_64", Map.of("manager", "dnf"),
                suite("[./suite.sh]", "30m"), Map.of(), 3, flaky, confidence, maxRuns);
    }

    private static HuntFingerprint deterministic() {
        return fingerprint("2", false, 0.99, 1000);
    }

    @Test
    void shouldServeEveryRecordedVerdictInsteadOfProbingAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        List<String> probed = new ArrayList<>();
        HuntState first = HuntState.open(file, deterministic());
        first.level("BUILD");
        JournalProbe journal = new JournalProbe(first, "builds", c -> {
            probed.add(c.id());
            return c.id().equals("2") ? ProbeResult.bad("t1 failed", "t1") : ProbeResult.good("ok");
        });
        journal.probe(Candidate.of("1"));
        journal.probe(Candidate.of("2"));
        journal.probe(Candidate.of("2"));

        HuntState resumed = HuntState.open(file, deterministic());
        JournalProbe replay = new JournalProbe(resumed, "builds", c -> {
            probed.add("again " + c.id());
            return ProbeResult.skip("must not run");
        });

        assertThat(resumed.level()).isEqualTo("BUILD");
        assertThat(replay.probe(Candidate.of("1")).verdict()).isEqualTo(Verdict.GOOD);
        assertThat(replay.probe(Candidate.of("2")).failureSignature()).isEqualTo("t1 failed");
        assertThat(replay.probe(Candidate.of("2")).verdict()).isEqualTo(Verdict.BAD);
        assertThat(replay.probe(Candidate.of("2")).verdict()).isEqualTo(Verdict.SKIP);
        assertThat(probed).containsExactly("1", "2", "2", "again 2");
        assertThat(replay.replayed()).isEqualTo(3);
        assertThat(replay.ran()).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheStateFileOfAnotherHuntNamingTheSetThatDiffers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        HuntState.open(file, deterministic()).level("REPRODUCE");

        assertThatThrownBy(() -> HuntState.open(file, fingerprint("3", false, 0.99, 1000)))
                .isInstanceOfSatisfying(HuntStateMismatchException.class, e -> assertThat(e.differences())
                        .containsExactly("failing set: {a=2} in the state file, {a=3} now"))
                .hasMessageContaining(file.toString()).hasMessageContaining("delete " + file);
    }

    @Test
    void shouldRefuseAResumeInAnotherSearchModeNamingEachSetting(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        HuntState.open(file, deterministic()).level("BUILD");

        assertThatThrownBy(() -> HuntState.open(file, fingerprint("2", true, 0.95, 200)))
                .isInstanceOfSatisfying(HuntStateMismatchException.class, e -> assertThat(e.differences())
                        .containsExactly("--flaky: off in the state file, on now",
                                "--confidence: 0.99 in the state file, 0.95 now",
                                "--max-runs: 1000 in the state file, 200 now"));
    }

    @Test
    void shouldRefuseAResumeWithAnotherSuiteInstallOrConfirmation(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        HuntState.open(file, deterministic()).level("BUILD");
        HuntFingerprint other = new HuntFingerprint(Map.of("a", "1"), Map.of("a", "2"), "x86_64",
                Map.of("manager", "zypper"), suite("[./other.sh]", "30m"), Map.of("command", "[./probe.sh]"), 1,
                false, 0.99, 1000);

        assertThatThrownBy(() -> HuntState.open(file, other))
                .isInstanceOfSatisfying(HuntStateMismatchException.class, e -> assertThat(e.differences())
                        .containsExactly("install manager: dnf in the state file, zypper now",
                                "suite command: [./suite.sh] in the state file, [./other.sh] now",
                                "commit probe command: none in the state file, [./probe.sh] now",
                                "--confirm: 3 in the state file, 1 now"));
    }

    @Test
    void shouldKeepTheLevelsThatSwitchedToTheFlakyAwareSearch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        HuntState first = HuntState.open(file, deterministic());
        first.switched("builds");
        first.switched("builds");

        assertThat(HuntState.open(file, deterministic()).switched()).containsExactly("builds");
    }

    @Test
    void shouldRefuseAStateFileOfTheEarlierFormat(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        Files.writeString(file, "{\"format\":1,\"fingerprint\":\"good {a=1}, bad {a=2}\",\"level\":\"BUILD\",\"runs\":[]}");

        assertThatIOException().isThrownBy(() -> HuntState.open(file, deterministic()))
                .withMessageContaining("is not a hunt state of format 2");
    }
}
