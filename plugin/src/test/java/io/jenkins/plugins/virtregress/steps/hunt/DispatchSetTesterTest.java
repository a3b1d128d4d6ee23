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
    private static ProbeDispatch dispatch(List<ProbeDispatch.ShippedFile> handed, boolean offline) {
        return new ProbeDispatch() {
            @Override
            public Probed test(String name, List<ShippedFile> files) throws IOException {
                if (offline) {
                    throw new IOException("no node left");
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
    void shouldAbortTheHuntWhenNoProbeCanRunAndReportAFailedRestore() throws Exception {
        List<ProbeDispatch.ShippedFile> handed = new ArrayList<>();

        assertThatThrownBy(() -> new DispatchSetTester(dispatch(handed, true)).test("bad", SET))
                .isInstanceOf(ProbeAbortedException.class).hasMessage("no node left");
        List<SetTester.Restored> restored = new DispatchSetTester(dispatch(handed, false)).restore(SET);

        assertThat(restored).singleElement().satisfies(root -> {
            assertThat(root.where()).isEqualTo("node agent-2");
            assertThat(root.install()).isNull();
            assertThat(root.success()).isFalse();
        });
    }
}
