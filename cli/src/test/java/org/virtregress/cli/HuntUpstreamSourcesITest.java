package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.hunt.CommandCommitProber;
import org.virtregress.hunt.Hunt;
import org.virtregress.hunt.HuntRequest;
import org.virtregress.hunt.HuntResult;
import org.virtregress.hunt.InstallSettings;
import org.virtregress.hunt.SuiteLauncher;
import org.virtregress.hunt.UpstreamClone;
import org.virtregress.hunt.UpstreamSources;
import org.virtregress.install.Installers;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.suite.SuiteDefinition;
import org.virtregress.suite.SuiteRunner;

/**
 * The engine's hunt with upstream repositories fetched when its commit level starts (as the
 * Jenkins plugin runs it): real rpm builds polled into an archive, dnf into an install root, a
 * shell suite, and a git clone of the upstream repository made only once the culprit build is named.
 */
class HuntUpstreamSourcesITest {
    private static final ProcessRunner RUNNER = new ProcessRunner();

    /** Six upstream commits, the fourth planting "broken"; vrqemu builds at commits 2 and 5. */
    private static HuntHistory history(Path dir) throws Exception {
        HuntHistory history = HuntHistory.in(dir);
        List<String> contents = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String content = (i >= 4 ? "broken " : "qemu ") + i;
            history.commit(content);
            contents.add(content);
        }
        for (int n : new int[] {2, 5}) {
            history.build("vrqemu", "1.0." + n, "1", contents.get(n - 1), history.commits().get(n - 1));
            history.publishAndPoll();
        }
        return history;
    }

    /** Clones the history's upstream on demand, counting the clones. */
    private static UpstreamSources upstream(HuntHistory history, Path clones, boolean configured,
                                            AtomicInteger fetches) {
        return new UpstreamSources() {
            @Override
            public boolean has(String packageName) {
                return configured && packageName.equals("vrqemu");
            }

            @Override
            public Path fetch(String packageName) throws IOException, InterruptedException {
                fetches.incrementAndGet();
                return new UpstreamClone(RUNNER, Duration.ofMinutes(2)).fetch(history.upstream().toUri().toString(),
                        clones.resolve(packageName), null, true);
            }

            @Override
            public String howToName(String packageName) {
                return "configure one for " + packageName;
            }
        };
    }

    private static HuntResult hunt(HuntHistory history, Path dir, UpstreamSources upstream) throws Exception {
        Path suite = history.script("hunt-suite.sh");
        SuiteRunner suites = new SuiteRunner();
        SuiteLauncher launcher = (root, work) -> suites.run(SuiteDefinition.builder("hunt-suite",
                List.of(suite.toString())).timeout(Duration.ofMinutes(2)).workingDirectory(work).logDirectory(work)
                .env("VIRT_REGRESS_ROOT", root.toString()).build(), OutputListener.NONE);
        Path work = dir.resolve("work");
        HuntRequest request = HuntRequest.builder(history.archive(), new InstallSettings(
                        Installers.forManager("dnf", RUNNER), List.of(), false, null, null), launcher, work)
                .good("vrqemu", "1.0.2-1").root(dir.resolve("root").toString()).confirm(1).upstream(upstream)
                .commitProber(new CommandCommitProber(List.of(history.script("hunt-commit-probe.sh").toString()),
                        Duration.ofMinutes(2), work.resolve("commits")))
                .build();
        return new Hunt(request, null).run();
    }

    @Test
    void shouldCloneTheCulpritPackagesRepositoryWhenTheCommitLevelStarts(@TempDir Path dir) throws Exception {
        try (HuntHistory history = history(dir)) {
            AtomicInteger fetches = new AtomicInteger();

            HuntResult result = hunt(history, dir, upstream(history, dir.resolve("clones"), true, fetches));

            assertThat(result.ending()).as(result.message()).isEqualTo(HuntResult.Ending.COMMIT);
            assertThat(result.commits().bisection().culprit().id()).isEqualTo(history.commits().get(3));
            assertThat(fetches).hasValue(1);
            assertThat(dir.resolve("clones/vrqemu/.git")).isDirectory();
        }
    }

    @Test
    void shouldEndAtTheBuildSayingHowToNameASourceAndCloneNothing(@TempDir Path dir) throws Exception {
        try (HuntHistory history = history(dir)) {
            AtomicInteger fetches = new AtomicInteger();

            HuntResult result = hunt(history, dir, upstream(history, dir.resolve("clones"), false, fetches));

            assertThat(result.ending()).isEqualTo(HuntResult.Ending.BUILD);
            assertThat(result.message()).contains("no upstream repository given for vrqemu (configure one for vrqemu)");
            assertThat(fetches).hasValue(0);
        }
    }
}
