package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;

class HuntStateTest {
    @Test
    void shouldServeEveryRecordedVerdictInsteadOfProbingAgain(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        List<String> probed = new ArrayList<>();
        HuntState first = HuntState.open(file, "good {a=1}, bad {a=2}");
        first.level("BUILD");
        JournalProbe journal = new JournalProbe(first, "builds", c -> {
            probed.add(c.id());
            return c.id().equals("2") ? ProbeResult.bad("t1 failed", "t1") : ProbeResult.good("ok");
        });
        journal.probe(Candidate.of("1"));
        journal.probe(Candidate.of("2"));
        journal.probe(Candidate.of("2"));

        HuntState resumed = HuntState.open(file, "good {a=1}, bad {a=2}");
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
    void shouldRefuseTheStateFileOfAnotherHunt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hunt.json");
        HuntState.open(file, "good {a=1}, bad {a=2}").level("REPRODUCE");

        assertThatIOException().isThrownBy(() -> HuntState.open(file, "good {a=1}, bad {a=3}"))
                .withMessageContaining(file.toString()).withMessageContaining("belongs to another hunt");
    }
}
