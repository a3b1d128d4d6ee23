package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TapParserTest {
    @Test
    void shouldReadStatusesDirectivesAndYamlDiagnostics() {
        ParsedCases parsed = parse("tap13-mixed.tap");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id).containsExactly("boots to a shell",
                "migrates with 4096 MiB", "hotplugs a disk", "snapshots under load", "saves and restores",
                "reads # characters");
        assertThat(parsed.cases()).extracting(CaseResult::status).containsExactly(CaseStatus.PASS, CaseStatus.FAIL,
                CaseStatus.SKIP, CaseStatus.SKIP, CaseStatus.PASS, CaseStatus.FAIL);
        CaseResult migration = parsed.cases().get(1);
        assertThat(migration.failureReason()).isEqualTo("migration failed at 0x7f3a12 after 12.5 s");
        assertThat(migration.outputExcerpt()).contains("expected: 0");
        assertThat(parsed.cases().get(2).failureReason()).isEqualTo("no virtio-blk in this build");
        assertThat(parsed.cases().get(3).failureReason()).isEqualTo("TODO: known issue");
        assertThat(parsed.cases().get(5).failureReason()).isEqualTo("guest said: bad checksum");
        assertThat(parsed.cases().get(4).name()).isEqualTo("5 - saves and restores");
    }

    @Test
    void shouldAcceptThePlanAtTheEnd() {
        ParsedCases parsed = parse("plan-last.tap");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id).containsExactly("first", "second");
    }

    @Test
    void shouldReportTestsMissingFromThePlanAsErrors() {
        ParsedCases parsed = parse("missing.tap");

        assertThat(parsed.errors()).singleElement().asString()
                .isEqualTo("missing.tap:3: planned 4 tests but 2 did not report a result");
        assertThat(parsed.cases()).extracting(CaseResult::id).containsExactly("one", "two", "test 3", "test 4");
        assertThat(parsed.cases().get(3).status()).isEqualTo(CaseStatus.ERROR);
    }

    @Test
    void shouldStopAtBailOutAndKeepWhatRan() {
        ParsedCases parsed = parse("bail-out.tap");

        assertThat(parsed.errors()).first().asString()
                .isEqualTo("bail-out.tap:4: bail out: cannot reach the guest agent");
        assertThat(parsed.cases()).extracting(CaseResult::status)
                .containsExactly(CaseStatus.PASS, CaseStatus.ERROR, CaseStatus.ERROR);
    }

    @Test
    void shouldCountTheSummaryLineOfIndentedSubtests() {
        ParsedCases parsed = parse("tap14-subtests.tap");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id, CaseResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("network", CaseStatus.FAIL),
                        org.assertj.core.groups.Tuple.tuple("storage", CaseStatus.PASS));
    }

    @Test
    void shouldTurnASkippedPlanIntoOneSkippedCase() {
        ParsedCases parsed = parse("skip-all.tap");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.SKIP);
            assertThat(c.failureReason()).isEqualTo("SKIP no nested virtualization here");
        });
    }

    @Test
    void shouldReportMissingPlanAsPossiblyTruncated() {
        ParsedCases parsed = parse("no-plan.tap");

        assertThat(parsed.cases()).hasSize(2);
        assertThat(parsed.errors()).singleElement().asString().contains("no-plan.tap:2: no TAP plan");
    }

    @Test
    void shouldReadOnlyTapLinesBetweenMarkersOfAConsole() throws Exception {
        TapStream tap = new TapStream("console", GuestBootTest.BEGIN_MARKER, GuestBootTest.END_MARKER);
        try (InputStream in = fixture("console.log")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(tap::accept);
        }

        ParsedCases parsed = tap.finish();

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id).containsExactly("kernel-is-up", "disk");
        assertThat(parsed.cases().get(1).failureReason()).isEqualTo("no block device /dev/vda");
    }

    @Test
    void shouldReportAConsoleThatNeverReachedItsChecks() {
        TapStream tap = new TapStream("console", GuestBootTest.BEGIN_MARKER, GuestBootTest.END_MARKER);
        tap.accept("Kernel panic - not syncing: VFS: Unable to mount root fs");

        ParsedCases parsed = tap.finish();

        assertThat(parsed.cases()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString()
                .isEqualTo("console:1: no line containing the start marker '" + GuestBootTest.BEGIN_MARKER + "'");
    }

    @Test
    void shouldKeepWhatWasReadWhenTheInputExceedsTheCap() {
        StringBuilder big = new StringBuilder("1..100000\n");
        for (int i = 1; i <= 100_000; i++) {
            big.append("ok ").append(i).append(" - case ").append(i).append('\n');
        }

        ParsedCases parsed = new TapParser(65536).parse(
                new ByteArrayInputStream(big.toString().getBytes(StandardCharsets.UTF_8)), "huge.tap");

        assertThat(parsed.errors()).first().asString().matches("huge\\.tap:\\d+: input exceeds the size cap of 65536 bytes");
        assertThat(parsed.cases()).filteredOn(c -> c.status() == CaseStatus.PASS).hasSizeBetween(2500, 4000);
    }

    @Test
    void shouldKeepOnlyTheStartOfAnEndlessLine() {
        InputStream endless = new InputStream() {
            private final byte[] head = "1..1\nok 1 - long ".getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() {
                return position < head.length ? head[(int) position++] : position++ < 5_000_000 ? 'x' : -1;
            }
        };

        ParsedCases parsed = new TapParser().parse(endless, "endless.tap");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).singleElement().satisfies(c -> assertThat(c.id()).startsWith("long xxx")
                .hasSizeLessThanOrEqualTo(TapParser.LINE_CAP));
    }

    private static ParsedCases parse(String name) {
        try (InputStream in = fixture(name)) {
            return new TapParser().parse(in, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InputStream fixture(String name) {
        return TapParserTest.class.getResourceAsStream("tap/" + name);
    }
}
