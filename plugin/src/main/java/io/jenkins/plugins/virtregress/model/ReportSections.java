package io.jenkins.plugins.virtregress.model;

import java.util.List;
import org.virtregress.install.CommandRecord;
import org.virtregress.install.InstallResult;
import org.virtregress.report.InstallRecord;
import org.virtregress.report.SuiteReport;
import org.virtregress.report.TestCaseReport;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.SuiteResult;

/**
 * Maps the engine's results to the sections of the regression report that the build pages show.
 * No Jenkins types: the mapping is tested alone.
 */
public final class ReportSections {
    private ReportSections() {
    }

    /**
     * Maps an install.
     *
     * @param result the engine's install record
     * @return the install section
     */
    public static InstallRecord install(InstallResult result) {
        List<String> commands = result.commands().stream().map(ReportSections::commandLine).toList();
        return new InstallRecord(result.manager(), result.root(), result.before(), result.after(), result.success(),
                result.rolledBack(), commands);
    }

    private static String commandLine(CommandRecord command) {
        return String.join(" ", command.argv()) + " (exit " + command.exitCode()
                + (command.timedOut() ? ", timed out" : "") + ")";
    }

    /**
     * Maps a suite run.
     *
     * @param result the engine's suite result
     * @return the suite section
     */
    public static SuiteReport suite(SuiteResult result) {
        List<TestCaseReport> cases = result.cases().stream().map(ReportSections::testCase).toList();
        SuiteReport.Status status = switch (result.status()) {
            case PASSED -> SuiteReport.Status.PASSED;
            case FAILED -> SuiteReport.Status.FAILED;
            case ERROR -> SuiteReport.Status.ERROR;
        };
        return new SuiteReport(result.name(), status, null, cases);
    }

    /**
     * Maps one test case: a case that passed on a rerun is flaky, one not run is skipped.
     *
     * @param result the engine's case result
     * @return the case of the report
     */
    public static TestCaseReport testCase(CaseResult result) {
        TestCaseReport.Verdict verdict = switch (result.verdict()) {
            case PASSED -> TestCaseReport.Verdict.PASS;
            case SKIPPED -> TestCaseReport.Verdict.SKIP;
            case FLAKY -> TestCaseReport.Verdict.FLAKY;
            case FAILURE -> result.status() == CaseStatus.FAIL ? TestCaseReport.Verdict.FAIL
                    : TestCaseReport.Verdict.ERROR;
        };
        return new TestCaseReport(result.id(), result.name(), verdict, result.duration(), result.failureReason(),
                result.outputExcerpt(), result.attempts());
    }

    /**
     * Maps the new builds that started a build.
     *
     * @param builds the new builds
     * @return the new-builds section
     */
    public static List<org.virtregress.report.NewBuild> newBuilds(List<NewBuild> builds) {
        return builds.stream().map(b -> new org.virtregress.report.NewBuild(b.getName(), b.getPreviousVersion(),
                b.getVersion(), b.getArch(), b.getRepository(), b.getChecksum(), b.getSourceCommit())).toList();
    }
}
