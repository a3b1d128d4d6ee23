package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.hunt.CommandCommitProber;
import org.virtregress.hunt.Hunt;
import org.virtregress.hunt.HuntRequest;
import org.virtregress.hunt.HuntResult;
import org.virtregress.hunt.InstallRoots;
import org.virtregress.hunt.InstallSettings;
import org.virtregress.hunt.PackageFile;
import org.virtregress.hunt.SetTester;
import org.virtregress.hunt.SuiteLauncher;
import org.virtregress.install.Installers;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.suite.SuiteDefinition;
import org.virtregress.suite.SuiteRunner;

/**
 * The engine's hunt with a set tester the request supplies (as the Jenkins plugin spreads probes
 * over agents): two slots, each a real local tester on an install root of its own, take every probe
 * of the reproduction, package and build levels, two at a time, and the final restore; the verdicts,
 * the culprit, the state file and its resume are those of the default tester.
 */
class HuntSetTesterITest {
    private static final ProcessRunner RUNNER = new ProcessRunner();

    /** vrqemu builds 1.0.2, 4, 6, 9 (breaks), 11, vrbios updated with 1.0.11: two packages changed. */
    private static HuntHistory history(Path dir) throws Exception {
        HuntHistory history = HuntHistory.in(dir);
        history.build("vrbios", "1.0", "1", "bios 1", null);
        for (int n : new int[] {2, 4, 6, 9, 11}) {
            history.build("vrqemu", "1.0." + n, "1", (n >= 8 ? "broken " : "qemu ") + n, null);
            if (n == 11) {
                history.build("vrbios", "1.1", "1", "bios 2", null);
            }
            history.publishAndPoll();
        }
        return history;
    }

    /** Two named slots, each a local tester on its own root; records every call. */
    private static final class Slots implements SetTester {
        private final BlockingQueue<String> free = new LinkedBlockingQueue<>();
        private final Map<String, SetTester> slots = new TreeMap<>();
        private final List<String> tested = Collections.synchronizedList(new ArrayList<>());
        private final List<String> restores = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        Slots(HuntRequest request, Path probes, Path dir) {
            for (String slot : List.of("node-a", "node-b")) {
                slots.put(slot, SetTester.local(request.install(), request.suite(),
                        InstallRoots.of(dir.resolve(slot).resolve("root").toString(), 1), probes.resolve(slot),
                        request.runner()));
                free.add(slot);
            }
        }

        @Override
        public ProbeResult test(String name, List<PackageFile> set) throws ProbeAbortedException, InterruptedException {
            String slot = free.take();
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                tested.add(slot + " " + set.stream().map(f -> f.name() + "=" + f.version())
                        .collect(Collectors.joining(",")));
                return slots.get(slot).test(name, set);
            } finally {
                running.decrementAndGet();
                free.add(slot);
            }
        }

        @Override
        public List<Restored> restore(List<PackageFile> set) throws InterruptedException {
            List<Restored> all = new ArrayList<>();
            for (Map.Entry<String, SetTester> slot : slots.entrySet()) {
                restores.add(slot.getKey());
                for (Restored root : slot.getValue().restore(set)) {
                    all.add(new Restored(slot.getKey() + ":" + root.where(), root.install(), root.error()));
                }
            }
            return all;
        }
    }

    private static HuntRequest.Builder request(HuntHistory history, Path dir) throws Exception {
        Path suite = history.script("hunt-suite.sh");
        SuiteRunner suites = new SuiteRunner();
        SuiteLauncher launcher = (root, work) -> suites.run(SuiteDefinition.builder("hunt-suite",
                List.of(suite.toString())).timeout(Duration.ofMinutes(2)).workingDirectory(work).logDirectory(work)
                .env("VIRT_REGRESS_ROOT", root.toString()).build(), OutputListener.NONE);
        return HuntRequest.builder(history.archive(), new InstallSettings(Installers.forManager("dnf", RUNNER),
                        List.of(), false, null, null), launcher, dir.resolve("work"))
                .good("vrqemu", "1.0.2-1").probes(2).confirm(1)
                .stateFile(dir.resolve("state.json"));
    }

    @Test
    void shouldLeaveTheRootsOfTheCommitLevelAtTheFailingSetBesideTheTestersSlots(@TempDir Path dir)
            throws Exception {
        try (HuntHistory history = HuntHistory.in(dir)) {
            List<String> contents = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                contents.add((i >= 4 ? "broken " : "qemu ") + i);
                history.commit(contents.get(i - 1));
            }
            for (int n : new int[] {2, 5}) {
                history.build("vrqemu", "1.0." + n, "1", contents.get(n - 1), history.commits().get(n - 1));
                history.publishAndPoll();
            }
            Path work = dir.resolve("work");
            List<Slots> made = new ArrayList<>();
            HuntRequest request = request(history, dir).root(dir.resolve("root").toString())
                    .source("vrqemu", history.upstream())
                    .commitProber(new CommandCommitProber(List.of(history.script("hunt-commit-probe.sh").toString()),
                            Duration.ofMinutes(2), work.resolve("commits")))
                    .testers((r, probes) -> {
                        Slots slots = new Slots(r, probes, dir.resolve("spread"));
                        made.add(slots);
                        return slots;
                    }).build();

            HuntResult result = new Hunt(request, null).run();

            assertThat(result.ending()).as(result.message()).isEqualTo(HuntResult.Ending.COMMIT);
            assertThat(result.commits().bisection().culprit().id()).isEqualTo(history.commits().get(3));
            assertThat(made.get(0).tested).isNotEmpty();
            assertThat(made.get(0).restores).containsExactly("node-a", "node-b");
            assertThat(result.restored()).as("two slots and the commit level's root").hasSize(3)
                    .allSatisfy(install -> assertThat(install.success()).isTrue());
            assertThat(dir.resolve("root/usr/share/vrqemu/content")).content().contains("broken 5");
        }
    }

    @Test
    void shouldRunEveryProbeAndTheRestoreThroughTheSuppliedTesterAndResumeFromTheSameJournal(@TempDir Path dir)
            throws Exception {
        try (HuntHistory history = history(dir)) {
            Path local = dir.resolve("local");
            HuntResult alone = new Hunt(request(history, local).good("vrbios", "1.0-1").root(local.resolve("root-{n}").toString()).build(),
                    null).run();
            Path spread = dir.resolve("spread");
            List<Slots> made = new ArrayList<>();
            SetTester.Factory testers = (request, probes) -> {
                Slots slots = new Slots(request, probes, spread);
                made.add(slots);
                return slots;
            };

            HuntResult result = new Hunt(request(history, spread).good("vrbios", "1.0-1").root(spread.resolve("unused-{n}").toString())
                    .testers(testers).build(), null).run();

            assertThat(alone.ending()).as(alone.message()).isEqualTo(HuntResult.Ending.BUILD);
            assertThat(result.ending()).as(result.message()).isEqualTo(alone.ending());
            assertThat(result.packages().culprit()).isEqualTo("vrqemu").isEqualTo(alone.packages().culprit());
            assertThat(result.builds().firstBad().evr()).isEqualTo("1.0.9-1")
                    .isEqualTo(alone.builds().firstBad().evr());
            assertThat(result.builds().lastGood().evr()).isEqualTo(alone.builds().lastGood().evr());
            assertThat(result.signature()).isEqualTo(alone.signature());
            Slots slots = made.get(0);
            assertThat(slots.tested).as("every probe of levels 1 and 2 went through the supplied tester")
                    .hasSize(result.probesRun());
            assertThat(slots.tested).anyMatch(t -> t.startsWith("node-a ")).anyMatch(t -> t.startsWith("node-b "));
            assertThat(slots.most).as("two probes at once, never more").hasValue(2);
            assertThat(slots.restores).containsExactly("node-a", "node-b");
            assertThat(result.restored()).hasSize(2).allSatisfy(install -> assertThat(install.success()).isTrue());
            for (String slot : List.of("node-a", "node-b")) {
                assertThat(spread.resolve(slot).resolve("root/usr/share/vrqemu/content")).content().contains("broken 11");
            }
            assertThat(spread.resolve("unused-1")).as("the request's own roots stay untouched").doesNotExist();

            HuntResult again = new Hunt(request(history, spread).good("vrbios", "1.0-1").root(spread.resolve("unused-{n}").toString())
                    .testers(testers).build(), null).run();

            assertThat(again.ending()).isEqualTo(result.ending());
            assertThat(again.builds().firstBad().evr()).isEqualTo("1.0.9-1");
            assertThat(again.probesRun()).as("the resumed hunt replays every verdict").isZero();
            assertThat(again.probesReplayed()).isEqualTo(result.probesRun());
            assertThat(made.get(1).tested).isEmpty();
            assertThat(made.get(1).restores).containsExactly("node-a", "node-b");
        }
    }
}
