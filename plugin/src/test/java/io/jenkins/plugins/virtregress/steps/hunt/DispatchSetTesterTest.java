package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;
import org.virtregress.hunt.PackageFile;
import org.virtregress.hunt.SetTester;

class DispatchSetTesterTest {
    private static final List<PackageFile> SET = List.of(new PackageFile("demo", "1.2-1",
            Path.of("/archive/demo/demo-1.2-1.noarch.rpm")));

    /** Answers every probe BAD on one node and records what it was handed. */
    private static ProbeDispatch dispatch(List<ProbeDispatch.ShippedFile> handed, boolean aborted) {
        return new ProbeDispatch() {
            @Override
            public Probed test(String name, List<ShippedFile> files) throws IOException {
                if (aborted) {
                    // the probe stopped the hunt by itself: a node's failure moves the probe instead
                    throw new IOException("probe " + name + " on node agent-2: unknown package manager: yum");
                }
                handed.addAll(files);
                return DispatchSetTester.probed(new ProbeResult(Verdict.BAD, 1, Duration.ofMillis(1500), "/log",
                        "boots: failed", "boots failed"), "node agent-2");
            }

            @Override
            public List<RestoredRoot> restore(List<ShippedFile> files) {
                handed.addAll(files);
                return List.of(new RestoredRoot("node agent-2", null, "dnf failed"));
            }
        };
    }

    @Test
    void shouldHandTheSetsFilesOverAndBringTheVerdictBackNamingTheNode() throws Exception {
        List<ProbeDispatch.ShippedFile> handed = new ArrayList<>();

        ProbeResult result = new DispatchSetTester(dispatch(handed, false)).test("1.2-1", SET);

        assertThat(handed).containsExactly(new ProbeDispatch.ShippedFile("demo", "1.2-1",
                Path.of("/archive/demo/demo-1.2-1.noarch.rpm").toAbsolutePath().toString()));
        assertThat(result.verdict()).isEqualTo(Verdict.BAD);
        assertThat(result.failureSignature()).isEqualTo("boots: failed");
        assertThat(result.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(result.reason()).isEqualTo("boots failed (on node agent-2)");
    }

    @Test
    void shouldAbortTheHuntWhenAProbeStopsItByItselfAndReportAFailedRestore() throws Exception {
        List<ProbeDispatch.ShippedFile> handed = new ArrayList<>();

        assertThatThrownBy(() -> new DispatchSetTester(dispatch(handed, true)).test("bad", SET))
                .isInstanceOf(ProbeAbortedException.class)
                .hasMessage("probe bad on node agent-2: unknown package manager: yum");
        List<SetTester.Restored> restored = new DispatchSetTester(dispatch(handed, false)).restore(SET);

        assertThat(restored).singleElement().satisfies(root -> {
            assertThat(root.where()).isEqualTo("node agent-2");
            assertThat(root.install()).isNull();
            assertThat(root.success()).isFalse();
        });
    }

    @Test
    void shouldBringASkipBackWithTheNoteOfTheNodesThatFailedIt() throws Exception {
        ProbeFailover failover = new ProbeFailover(List.of("agent-1", "agent-2"));
        failover.failed("1.2-1", "agent-2", ProbeFailover.Failure.DISCONNECTED, "channel is already closed");
        ProbeFailover.Decision last = failover.failed("1.2-1", "agent-1", ProbeFailover.Failure.OFFLINE, null);
        ProbeDispatch skipping = new ProbeDispatch() {
            @Override
            public Probed test(String name, List<ShippedFile> files) {
                return new Probed(Verdict.SKIP.name(), 0, null, null, last.note());
            }

            @Override
            public List<RestoredRoot> restore(List<ShippedFile> files) {
                return List.of();
            }
        };

        ProbeResult result = new DispatchSetTester(skipping).test("1.2-1", SET);

        assertThat(result.verdict()).isEqualTo(Verdict.SKIP);
        assertThat(result.reason()).isEqualTo("skipped: no node of the label is left to run it (node agent-2 went"
                + " offline during the probe (channel is already closed); node agent-1 is offline)");
    }
}
