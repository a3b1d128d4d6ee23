package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextReportTest {
    @Test
    void shouldStartWithTheVerdictThenTheCulprit() {
        String text = TextReport.render(ReportFixtures.complete());

        assertThat(text.lines().findFirst()).hasValue(
                "REGRESSION: Regression introduced by 41e6fc53b7de hw/block/virtio-blk: skip flush for FUA writes");
        assertThat(text).contains("""
                Culprit
                  commit     41e6fc53b7dedef91f5efd9b3ffb8bdf529e3c1e
                  subject    hw/block/virtio-blk: skip flush for FUA writes
                  author     Renée Åkesson <renee.akesson@example.org>
                  date       2026-10-02 09:41 UTC
                  files      hw/block/virtio-blk.c, include/hw/virtio/virtio-blk.h, tests/qtest/virtio-blk-test.c
                """)
                .contains("  outcome    COMPLETE\n")
                .contains("  confirmed  yes (parent 3/3 good, culprit 3/3 bad)\n");
        assertThat(text.indexOf("Culprit")).isLessThan(text.indexOf("Build bisection of qemu-kvm-core"));
        assertThat(text).contains("  first bad  2:8.2.3-1.fc40 (source a968df1c519077166817d0503463ccea05703752)\n"
                + "  probed     2:8.2.2-2.fc40 GOOD, 2 left\n");
    }

    @Test
    void shouldListEveryProbe() {
        String text = TextReport.render(ReportFixtures.complete());

        assertThat(text).contains("Probes (214 candidate commits)\n")
                .contains("   4  2c4e4e361980  SKIP  1 run        41.0 s     26 left  ui/vnc: free client on early disconnect\n")
                .contains("   6  594fbe5a470e  WEAK  3 runs  15 min 22 s      7 left  migration: count dirty pages per ramblock\n")
                .contains("   8  41e6fc53b7de  BAD   1 run    5 min 10 s      1 left  hw/block/virtio-blk: skip flush for FUA writes\n");
    }

    @Test
    void shouldListFailingAndFlakyTestsWithTheTailOfTheFailureOutput() {
        String text = TextReport.render(ReportFixtures.complete());

        assertThat(text).contains("Suite guest-boot: FAILED (9 tests, 6 passed, 1 failed, 1 flaky, 1 skipped, 0 errors)\n"
                        + "  FAIL  virtio-blk FUA write survives reset: checksum mismatch after reset: data written with FUA was lost\n"
                        + "        | # writing 64 MiB with O_DIRECT|O_DSYNC to /dev/vda\n")
                .contains("  FLAKY virtio-net ping: failed once: no reply within 2 s, passed on attempt 2\n")
                .contains("  qemu-kvm-core 2:8.2.2-1.fc40 -> 2:8.2.3-1.fc40\n")
                .doesNotContain("kernel boots").doesNotContain("vfio passthrough");
    }

    @Test
    void shouldListTheCandidatesOfAnInconclusiveRange() {
        String text = TextReport.render(ReportFixtures.inconclusive());

        assertThat(text).startsWith("INCONCLUSIVE: Bisection inconclusive: 3 candidate commits remain\n")
                .contains("No single culprit\n  candidate  85d32254b4cf qemu: Introduce virQEMUCapsProbeQMPBlockdev\n")
                .contains("  outcome    INCONCLUSIVE: 2 candidates could not be built; the culprit is one of 3 commits\n")
                .contains("  ERROR storage/100-create-vol-dir.t: pool 'tck' could not be started\n")
                .doesNotContain("confirmed");
    }

    @Test
    void shouldKeepTerminalControlSequencesOutOfTheText() {
        String text = TextReport.render(ReportFixtures.hostile());

        assertThat(text).doesNotContain("\u001b").contains("        | ?[31mred?[0m\n")
                .contains("  subject    " + ReportFixtures.HOSTILE + "\n");
    }

    @Test
    void shouldSummarizeAReportWithOnlyAPollAndASuite() {
        assertThat(TextReport.render(ReportFixtures.pollAndSuite())).isEqualTo("""
                PASS: All tests passed
                xen poll | 2026-11-21 08:00 UTC

                New builds
                  xen-hypervisor-4.17-amd64 4.17.3+10-g091466ba55-1 -> 4.17.5+23-ga4e5191dc0-1 amd64

                Suite xen-smoke: PASSED (2 tests, 2 passed, 0 failed, 0 flaky, 0 skipped, 0 errors)
                """);
    }

    @Test
    void shouldGiveTheConfidenceOfAFlakyBisection() {
        CommitBisection base = ReportFixtures.complete().commitBisection();
        CommitBisection flaky = new CommitBisection(base.repository(), base.good(), base.bad(), base.outcome(),
                base.message(), base.candidateCount(), base.probes(), base.culprit(), base.candidates(),
                base.confirmation(), new Confidence(0.99, 0.9931, 0.9957, 1000, 212, 7, 3, 0.41, 0.012,
                        java.util.List.of()));

        String text = TextReport.render(RegressionReport.builder("flaky", java.time.Instant.EPOCH)
                .commitBisection(flaky).build());

        assertThat(text).contains("  flaky      confidence 0.9931 (target 0.99), introduced by the culprit 0.9957;"
                + " the bad end failed 3 of 7 runs; estimated failure rate 0.41 on bad commits, 0.012 on good ones;"
                + " 212 of at most 1000 runs");
    }
}
