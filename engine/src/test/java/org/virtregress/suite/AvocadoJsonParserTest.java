package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AvocadoJsonParserTest {
    @Test
    void shouldReadEveryStatusOfAResultsFile() {
        ParsedCases parsed = parse("results.json");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("1-boot.py:Boot.test_q35", CaseStatus.PASS),
                tuple("2-migration.py:Migration.test_tcp;run-1234", CaseStatus.FAIL),
                tuple("3-hotplug.py:Hotplug.test_cpu", CaseStatus.ERROR),
                tuple("4-virtiofs.py:Virtiofs.test_mount", CaseStatus.CANCEL),
                tuple("5-timers.py:Timers.test_rtc", CaseStatus.WARN),
                tuple("6-longboot.py:LongBoot.test", CaseStatus.INTERRUPT));
        CaseResult boot = parsed.cases().get(0);
        assertThat(boot.name()).isEqualTo("boot.py:Boot.test_q35");
        assertThat(boot.failureReason()).isNull();
        assertThat(boot.duration()).isEqualTo(Duration.ofMillis(12_250));
        assertThat(boot.logPaths()).hasSize(2).allMatch(p -> p.contains("1-boot.py_Boot.test_q35"));
        assertThat(parsed.cases().get(1).failureReason())
                .isEqualTo("Migration did not converge after 30 iterations (dirty rate 4123 pages/s)");
        assertThat(SuiteTotals.of(parsed.cases())).isEqualTo(new SuiteTotals(6, 1, 1, 1, 0, 1, 1, 1, 0, 3));
    }

    @Test
    void shouldKeepTestsReadBeforeTheFileWasCutAndNameThePosition() {
        ParsedCases parsed = parse("truncated.json");

        assertThat(parsed.cases()).extracting(CaseResult::id).containsExactly("1-boot.py:Boot.test_q35",
                "2-migration.py:Migration.test_tcp;run-1234");
        assertThat(parsed.errors()).singleElement().asString().matches("truncated\\.json:\\d+:\\d+: .+");
    }

    @Test
    void shouldReportTotalsThatDisagreeWithTheTests() {
        ParsedCases parsed = parse("totals-mismatch.json");

        assertThat(parsed.cases()).hasSize(1);
        assertThat(parsed.errors()).containsExactly("totals-mismatch.json: totals say 3 tests but 1 are listed");
    }

    @Test
    void shouldRefuseAnotherDocument() {
        ParsedCases parsed = parse("not-avocado.json");

        assertThat(parsed.cases()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString().startsWith("not-avocado.json:1:")
                .contains("expected a JSON object");
    }

    @Test
    void shouldRefuseDeepNestingAndOversizedInput() {
        String deep = "{\"tests\": [], \"extra\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        ParsedCases nested = new AvocadoJsonParser().parse(
                new java.io.ByteArrayInputStream(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "deep.json");
        String big = "{\"tests\": [" + "{\"id\": \"1-a\", \"status\": \"PASS\"},".repeat(10_000) + "]}";
        ParsedCases capped = new AvocadoJsonParser(64 * 1024).parse(
                new java.io.ByteArrayInputStream(big.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "big.json");

        assertThat(nested.errors()).singleElement().asString().startsWith("deep.json:1:").contains("nesting depth");
        assertThat(capped.errors()).singleElement().asString().startsWith("big.json:")
                .contains("exceeds the size cap of 65536 bytes");
        assertThat(capped.cases()).hasSizeGreaterThan(1000);
    }

    private static ParsedCases parse(String name) {
        try (InputStream in = AvocadoJsonParserTest.class.getResourceAsStream("avocado/" + name)) {
            return new AvocadoJsonParser().parse(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
