package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.model.BisectSections;
import io.jenkins.plugins.virtregress.model.NewBuildsOfRun;
import io.jenkins.plugins.virtregress.model.ReportAction;
import io.jenkins.plugins.virtregress.model.ReportSections;
import io.jenkins.plugins.virtregress.model.ResultFile;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.virtregress.bisect.BisectResult;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.ProbeRow;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.TextReport;

/**
 * Records the end of a bisection on its build, the same way for freestyle and Pipeline: the full
 * report in the build directory, a {@link BisectReportAction} with the summary, the text report
 * in the console.
 */
final class BisectRecorder {
    private BisectRecorder() {
    }

    /**
     * Records a result.
     *
     * @param run the build
     * @param id the report id, from {@link ReportAction#nextId}
     * @param settings the bisection's settings
     * @param result the engine's result
     * @param subjects the candidates' subject lines
     * @param remaining candidates left after each probe, by {@link ProbeProgress#key}
     * @param logLinks turns a probe's log reference into a link the build serves, or null for none
     * @param replayed how many probes were replayed from a state file instead of tested
     * @param listener the build's console
     * @return the action added to the build
     * @throws IOException if the report cannot be written
     */
    static BisectReportAction record(Run<?, ?> run, String id, BisectSettings settings, BisectResult result,
            Map<String, String> subjects, Map<String, Integer> remaining, UnaryOperator<String> logLinks,
            int replayed, TaskListener listener) throws IOException {
        CommitBisection computed = CommitBisection.from(settings.repository(), result, subjects::get,
                probe -> remaining.get(ProbeProgress.key(probe)));
        CommitBisection section = withLogs(computed, logLinks);
        RegressionReport report = RegressionReport.builder("Bisection of " + run.getFullDisplayName(), Instant.now())
                .job(run.getParent().getFullName(), run.getId())
                .newBuilds(ReportSections.newBuilds(NewBuildsOfRun.of(run)))
                .commitBisection(section)
                .build();
        ResultFile.write(run.getRootDir().toPath(), id, report);
        BisectReportAction action = new BisectReportAction(id, result.outcome().name(),
                section.culprit() == null ? null : section.culprit().shortHash(),
                section.culprit() == null ? null : section.culprit().subject(),
                BisectSections.confidence(result), result.reason(), section.candidateCount(), section.probes().size(),
                replayed);
        run.addAction(action);
        listener.getLogger().println(TextReport.render(report));
        if (replayed > 0) {
            listener.getLogger().println(replayed + " of " + section.probes().size()
                    + " probe verdict(s) were replayed from the state file of an earlier build, not tested again.");
        }
        return action;
    }

    private static CommitBisection withLogs(CommitBisection section, UnaryOperator<String> logLinks) {
        List<ProbeRow> probes = section.probes().stream()
                .map(p -> new ProbeRow(p.round(), p.candidate(), p.subject(), p.verdict(), p.runs(), p.duration(),
                        p.log() == null ? null : logLinks.apply(p.log()), p.remaining()))
                .toList();
        return new CommitBisection(section.repository(), section.good(), section.bad(), section.outcome(),
                section.message(), section.candidateCount(), probes, section.culprit(), section.candidates(),
                section.confirmation());
    }

    /**
     * Summarizes a result for a Pipeline script.
     *
     * @param action the recorded action
     * @return {@code outcome}, {@code culprit} and {@code subject} (when found), {@code reason}, {@code confidence}
     */
    static Map<String, Object> summary(BisectReportAction action) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("outcome", action.getOutcome());
        if (action.getCulprit() != null) {
            map.put("culprit", action.getCulprit());
            map.put("subject", action.getCulpritSubject());
        }
        map.put("reason", action.getReason());
        map.put("confidence", action.getConfidence());
        return map;
    }
}
