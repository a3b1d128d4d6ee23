package io.jenkins.plugins.virtregress.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.model.BisectSections;
import io.jenkins.plugins.virtregress.model.ReportAction;
import io.jenkins.plugins.virtregress.model.ReportSections;
import io.jenkins.plugins.virtregress.model.ResultFile;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.virtregress.bisect.BisectResult;
import org.virtregress.report.CommitBisection;
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
     * @param listener the build's console
     * @return the action added to the build
     * @throws IOException if the report cannot be written
     */
    static BisectReportAction record(Run<?, ?> run, String id, BisectSettings settings, BisectResult result,
            Map<String, String> subjects, TaskListener listener) throws IOException {
        CommitBisection section = CommitBisection.from(settings.repository(), result, subjects::get, probe -> null);
        RegressionReport report = RegressionReport.builder("Bisection of " + run.getFullDisplayName(), Instant.now())
                .job(run.getParent().getFullName(), run.getId())
                .newBuilds(ReportSections.newBuilds(NewBuildsOfRun.of(run)))
                .commitBisection(section)
                .build();
        ResultFile.write(run.getRootDir().toPath(), id, report);
        BisectReportAction action = new BisectReportAction(id, result.outcome().name(),
                section.culprit() == null ? null : section.culprit().shortHash(),
                section.culprit() == null ? null : section.culprit().subject(),
                BisectSections.confidence(result), result.reason());
        run.addAction(action);
        listener.getLogger().println(TextReport.render(report));
        return action;
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
