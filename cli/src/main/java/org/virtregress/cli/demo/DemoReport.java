package org.virtregress.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.install.CommandRecord;
import org.virtregress.install.InstallResult;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;
import org.virtregress.report.BuildBisection;
import org.virtregress.report.Commit;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.Confirmation;
import org.virtregress.report.InstallRecord;
import org.virtregress.report.NewBuild;
import org.virtregress.report.Probe;
import org.virtregress.report.SuiteReport;
import org.virtregress.report.TestCaseReport;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.SuiteResult;

/**
 * Turns what the engine's stages return (poll changes, install records, suite results,
 * bisection results) into the parts of the regression report.
 */
final class DemoReport {
    private static final Pattern PERSON = Pattern.compile("(.*?)\\s*<([^>]*)>\\s*");

    private DemoReport() {
    }

    static NewBuild newBuild(BuildChange change) {
        Build build = change.build();
        return new NewBuild(build.name(), change.previous() == null ? null : change.previous().evr(), build.evr(),
                build.arch(), build.repository(), build.checksum().toString(), build.sourceCommit());
    }

    static InstallRecord install(InstallResult result) {
        return new InstallRecord(result.manager(), result.root(), result.before(), result.after(), result.success(),
                result.rolledBack(), result.commands().stream().map(DemoReport::display).toList());
    }

    private static String display(CommandRecord command) {
        return String.join(" ", command.argv());
    }

    static SuiteReport suite(SuiteResult result) {
        List<TestCaseReport> cases = result.cases().stream().map(DemoReport::testCase).toList();
        SuiteReport.Status status = switch (result.status()) {
            case PASSED -> SuiteReport.Status.PASSED;
            case FAILED -> SuiteReport.Status.FAILED;
            case ERROR -> SuiteReport.Status.ERROR;
        };
        return new SuiteReport(result.name(), status, SuiteReport.Totals.of(cases), cases);
    }

    private static TestCaseReport testCase(CaseResult c) {
        TestCaseReport.Verdict verdict = switch (c.verdict()) {
            case PASSED -> TestCaseReport.Verdict.PASS;
            case SKIPPED -> TestCaseReport.Verdict.SKIP;
            case FLAKY -> TestCaseReport.Verdict.FLAKY;
            case FAILURE -> c.status() == org.virtregress.suite.CaseStatus.FAIL ? TestCaseReport.Verdict.FAIL
                    : TestCaseReport.Verdict.ERROR;
        };
        return new TestCaseReport(c.id(), c.name(), verdict, c.duration(), c.failureReason(), c.outputExcerpt(),
                c.attempts());
    }

    static BuildBisection builds(String packageName, BisectResult result, Build lastGood, Build firstBad,
                                 ProbeLog log) {
        return new BuildBisection(packageName, result.candidates(), reportBuild(lastGood), reportBuild(firstBad),
                probes(result.probes(), log, log::label));
    }

    private static BuildBisection.Build reportBuild(Build build) {
        return build == null ? null : new BuildBisection.Build(build.evr(), build.sourceCommit());
    }

    static CommitBisection commits(String repository, BisectResult result, ProbeLog log,
                                   Function<String, String> subjects) {
        CommitBisection.Outcome outcome = CommitBisection.Outcome.valueOf(result.outcome().name());
        List<Commit> candidates = new ArrayList<>(result.range().stream().map(DemoReport::commit).toList());
        java.util.Collections.reverse(candidates);
        return new CommitBisection(repository, result.goods(), result.bad(), outcome,
                outcome == CommitBisection.Outcome.COMPLETE ? null : result.reason(), result.candidates(),
                probes(result.probes(), log, subjects), result.culprit() == null ? null : commit(result.culprit()),
                candidates, confirmation(result));
    }

    private static Confirmation confirmation(BisectResult result) {
        if (result.confirmation().isEmpty() || result.culprit() == null) {
            return null;
        }
        List<Probe.Verdict> parent = new ArrayList<>();
        List<Probe.Verdict> culprit = new ArrayList<>();
        for (ProbeRecord record : result.confirmation()) {
            List<Probe.Verdict> runs = record.candidate().equals(result.culprit().id()) ? culprit : parent;
            record.runVerdicts().forEach(v -> runs.add(Probe.Verdict.valueOf(v.name())));
        }
        return new Confirmation(parent, culprit);
    }

    private static Commit commit(CandidateDetails details) {
        String name = details.author();
        String email = null;
        if (name != null) {
            Matcher m = PERSON.matcher(name);
            if (m.matches()) {
                name = m.group(1);
                email = m.group(2);
            }
        }
        return new Commit(details.id(), name, email, details.date(), details.subject(), details.filesChanged());
    }

    private static List<Probe> probes(List<ProbeRecord> records, ProbeLog log,
                                      Function<String, String> subjects) {
        List<Probe> probes = new ArrayList<>();
        for (ProbeRecord record : records) {
            probes.add(new Probe(Math.max(1, record.round()), record.candidate(), subjects.apply(record.candidate()),
                    Probe.Verdict.valueOf(record.verdict().name()), record.runs(), record.duration(),
                    record.logRef(), log.remainingAfter(record)));
        }
        return probes;
    }
}
