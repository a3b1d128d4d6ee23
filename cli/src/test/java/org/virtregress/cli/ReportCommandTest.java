package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.report.Commit;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.Confirmation;
import org.virtregress.report.ProbeRow;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportJson;
import org.virtregress.report.SuiteReport;
import org.virtregress.report.TestCaseReport;
import picocli.CommandLine;

class ReportCommandTest {
    private static final String CULPRIT = "c0ffee0123456789abcdef0123456789abcdef01";

    @Test
    void shouldPrintTheTextSummaryByDefault(@TempDir Path dir) throws IOException {
        Run run = Run.of("report", "--input", writeReport(dir).toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("REGRESSION: Regression introduced by c0ffee012345 net: drop <tx> & stall\n")
                .contains("  commit     " + CULPRIT + "\n")
                .contains("  FAIL  ping: no reply\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldWriteTheHtmlPageAndSayWhere(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("out/report.html");

        Run run = Run.of("report", "--input", writeReport(dir).toString(), "--html", html.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("HTML report: " + html.toAbsolutePath() + "\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>")
                .contains("<code>" + CULPRIT + "</code>")
                .contains("net: drop &lt;tx&gt; &amp; stall")
                .doesNotContain("<tx>");
    }

    @Test
    void shouldWriteHtmlAndPrintTextWhenBothAreAsked(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");

        Run run = Run.of("report", "--input", writeReport(dir).toString(), "--html", html.toString(), "--text");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("REGRESSION: ").endsWith("HTML report: " + html.toAbsolutePath() + "\n");
        assertThat(html).exists();
    }

    @Test
    void shouldNameAMissingInputFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");

        Run run = Run.of("report", "--input", missing.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).isEqualTo("virt-regress report: " + missing + ": no such file\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldNameAnInvalidInputFile(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"title\": ");

        Run run = Run.of("report", "--input", broken.toString(), "--html", dir.resolve("x.html").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("virt-regress report: " + broken + ": not valid JSON");
        assertThat(dir.resolve("x.html")).doesNotExist();
    }

    @Test
    void shouldRefuseAReportFromANewerVersion(@TempDir Path dir) throws IOException {
        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"schemaVersion\": 9, \"title\": \"t\", \"generatedAt\": \"2026-01-01T00:00:00Z\"}");

        Run run = Run.of("report", "--input", future.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(future.toString()).contains("schema version 9 is newer");
    }

    @Test
    void shouldRequireTheInputOption() {
        Run run = Run.of("report", "--text");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing required option: '--input=FILE'");
    }

    private static Path writeReport(Path dir) throws IOException {
        Commit culprit = new Commit(CULPRIT, "Dev One", "dev@example.org", Instant.parse("2026-05-01T10:00:00Z"),
                "net: drop <tx> & stall", List.of("net/tx.c"));
        CommitBisection bisection = new CommitBisection("https://example.org/qemu.git", List.of("aaaaaaa"), "bbbbbbb",
                CommitBisection.Outcome.COMPLETE, null, 4,
                List.of(new ProbeRow(1, "ddddddd", "other", ProbeRow.Verdict.GOOD, 1, Duration.ofSeconds(30), null, 2),
                        new ProbeRow(2, CULPRIT, culprit.subject(), ProbeRow.Verdict.BAD, 1, Duration.ofSeconds(31), null, 1)),
                culprit, List.of(), new Confirmation(List.of(ProbeRow.Verdict.GOOD), List.of(ProbeRow.Verdict.BAD)));
        RegressionReport report = RegressionReport.builder("qemu nightly", Instant.parse("2026-05-02T00:00:00Z"))
                .suites(List.of(SuiteReport.of("boot", List.of(new TestCaseReport("ping", "ping",
                        TestCaseReport.Verdict.FAIL, Duration.ofSeconds(2), "no reply", null, 3)))))
                .commitBisection(bisection)
                .build();
        Path file = dir.resolve("report.json");
        ReportJson.write(file, report);
        return file;
    }

    /** One run of the command line with its captured output. */
    private record Run(int exitCode, String out, String err) {
        static Run of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = VirtRegressCommand.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute(args);
            return new Run(code, out.toString(), err.toString());
        }
    }
}
