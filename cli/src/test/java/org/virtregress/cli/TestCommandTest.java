package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.storage.Json;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.CaseVerdict;
import org.virtregress.suite.JUnitXmlParser;
import org.virtregress.suite.ParsedCases;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteStatus;
import org.virtregress.testing.TestFiles;
import picocli.CommandLine;

class TestCommandTest {
    @Test
    void shouldExitZeroWhenParsedResultsAllPass(@TempDir Path dir) throws Exception {
        Run run = run("test", "--parse", fixture(dir, "passing.tap").toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.OK);
        assertThat(run.out).contains("suite passing.tap: PASSED - 2 cases: 2 passed");
    }

    @Test
    void shouldExitOneOnRealFailuresOfParsedAvocadoResults(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out.json");
        Run run = run("test", "--parse", fixture(dir, "avocado-results.json").toString(), "--format", "avocado",
                "--json", json.toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.TEST_FAILURES);
        assertThat(run.out).contains("FAIL   2-migration.py:Migration.test_tcp;run-1234 [FAIL]: Migration did not")
                .contains("FAIL   6-longboot.py:LongBoot.test [INTERRUPT]: Test interrupted: Timeout reached");
        SuiteResult written = Json.mapper().readValue(json.toFile(), SuiteResult.class);
        assertThat(written.status()).isEqualTo(SuiteStatus.FAILED);
        assertThat(written.cases()).hasSize(6);
    }

    @Test
    void shouldExitFiveOnTruncatedResultsNamingTheFile(@TempDir Path dir) throws Exception {
        Run run = run("test", "--parse", fixture(dir, "truncated.xml").toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.SUITE_ERROR);
        assertThat(run.out).containsPattern("suite error: .*truncated\\.xml:\\d+:\\d+: ");
    }

    @Test
    void shouldRerunFailedTapCasesAndReportFlakyOnes(@TempDir Path dir) throws Exception {
        Path script = TestFiles.copy(TestFiles.FLAKY_SUITE, dir);
        Path json = dir.resolve("result.json");

        Run run = run("test", "-C", dir.toString(), "--log-dir", dir.resolve("logs").toString(),
                "--rerun-failed", "2", "--json", json.toString(), "--", "sh", script.toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.TEST_FAILURES);
        assertThat(run.out).contains("FLAKY  flaky: not ok 2 - flaky (passed on attempt 2)")
                .contains("FAIL   broken [FAIL]: disk image checksum mismatch at offset")
                .contains("(failed all 3 attempts)")
                .contains("1 flaky, 1 real failures");
        SuiteResult written = Json.mapper().readValue(json.toFile(), SuiteResult.class);
        assertThat(written.cases()).extracting(c -> c.verdict())
                .containsExactly(CaseVerdict.PASSED, CaseVerdict.FLAKY, CaseVerdict.FAILURE);
    }

    @Test
    void shouldWriteJUnitXmlWithTheFlakyRerunsForAnyCi(@TempDir Path dir) throws Exception {
        Path script = TestFiles.copy(TestFiles.FLAKY_SUITE, dir);
        Path xml = dir.resolve("reports/TEST-flaky.xml");
        Files.createDirectories(xml.getParent());

        Run run = run("test", "-C", dir.toString(), "--log-dir", dir.resolve("logs").toString(),
                "--rerun-failed", "2", "--junit", xml.toString(), "--", "sh", script.toString());

        assertThat(run.exitCode).as(run.err).isEqualTo(ExitCodes.TEST_FAILURES);
        ParsedCases parsed = new JUnitXmlParser().parse(xml);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::status)
                .containsExactly(CaseStatus.PASS, CaseStatus.PASS, CaseStatus.FAIL);
        assertThat(parsed.cases().get(2).failureReason()).contains("disk image checksum mismatch");
        assertThat(Files.readString(xml)).contains("<flakyFailure").contains("<rerunFailure")
                .contains("failures=\"1\"");
    }

    @Test
    void shouldRerunWithAnExplicitTemplate(@TempDir Path dir) throws Exception {
        Path script = TestFiles.copy(TestFiles.FLAKY_SUITE, dir);

        Run run = run("test", "-C", dir.toString(), "--log-dir", dir.resolve("logs").toString(),
                "--rerun-failed", "1", "--rerun-template", "[\"sh\", \"" + script + "\", \"{case}\"]",
                "--", "sh", script.toString());

        assertThat(run.out).contains("FLAKY  flaky").contains("(failed all 2 attempts)");
    }

    @Test
    void shouldExitFiveWhenTheSuiteTimesOut(@TempDir Path dir) throws Exception {
        Run run = run("test", "--timeout", "1s", "--name", "hangs.sh", "--log-dir", dir.toString(), "--", "sh",
                fixture(dir, "hangs.sh").toString());

        assertThat(run.exitCode).isEqualTo(ExitCodes.SUITE_ERROR);
        assertThat(run.out).contains("suite error: suite hangs.sh timed out after 1 s and was killed");
    }

    @Test
    void shouldExitTwoOnUsageErrors(@TempDir Path dir) throws Exception {
        assertThat(run("test").exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run("test", "--format", "yaml", "--", "true").err).contains("unknown results format 'yaml'");
        assertThat(run("test", "--format", "junit", "--", "true").err).contains("needs --results");
        assertThat(run("test", "--timeout", "soon", "--", "true").exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run("test", "--parse", dir.resolve("missing.tap").toString()).exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(run("test", "--rerun-failed", "1", "--results", "r.json", "--", "true").err)
                .contains("needs --rerun-template");
    }

    @Test
    void shouldReadDurations() {
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(DurationConverter.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> DurationConverter.parse("5 minutes"))
                .isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> DurationConverter.parse("0s")).hasMessageContaining("positive");
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path fixture(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = TestCommandTest.class.getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return target;
    }

    private record Run(int exitCode, String out, String err) {
    }
}
