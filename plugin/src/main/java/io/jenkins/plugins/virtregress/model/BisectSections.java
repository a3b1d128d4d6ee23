package io.jenkins.plugins.virtregress.model;

import java.util.List;
import java.util.Map;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.report.Commit;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.Confirmation;
import org.virtregress.report.Probe;

/** Maps the engine's bisection result to the commit-bisection section of the regression report. */
public final class BisectSections {
    private BisectSections() {
    }

    /**
     * Maps a bisection.
     *
     * @param result the engine's result
     * @param repository how the repository is named in the report
     * @param subjects the subject line of each candidate, by hash, for the probe table
     * @return the section
     */
    public static CommitBisection commitBisection(BisectResult result, String repository, Map<String, String> subjects) {
        List<Probe> probes = result.probes().stream().map(p -> probe(p, subjects)).toList();
        Commit culprit = result.culprit() == null ? null : commit(result.culprit());
        List<Commit> candidates = result.range().stream().map(BisectSections::commit).toList();
        return new CommitBisection(repository, result.goods(), result.bad(),
                CommitBisection.Outcome.valueOf(result.outcome().name()), result.reason(), result.candidates(), probes,
                culprit, candidates, confirmation(result));
    }

    /**
     * Says how sure the verdict is, for the build page summary.
     *
     * @param result the engine's result
     * @return e.g. "parent 3/3 good, culprit 3/3 bad", or the engine's reason when nothing was confirmed
     */
    public static String confidence(BisectResult result) {
        Confirmation confirmation = confirmation(result);
        return confirmation == null ? result.reason() : confirmation.describe();
    }

    private static Confirmation confirmation(BisectResult result) {
        if (result.culprit() == null || result.confirmation().isEmpty()) {
            return null;
        }
        String culprit = result.culprit().id();
        List<Probe.Verdict> parentRuns = result.confirmation().stream().filter(p -> !p.candidate().equals(culprit))
                .map(p -> verdict(p)).toList();
        List<Probe.Verdict> culpritRuns = result.confirmation().stream().filter(p -> p.candidate().equals(culprit))
                .map(p -> verdict(p)).toList();
        return new Confirmation(parentRuns, culpritRuns);
    }

    private static Probe probe(ProbeRecord record, Map<String, String> subjects) {
        return new Probe(record.round(), record.candidate(), subjects.get(record.candidate()), verdict(record),
                record.runs(), record.duration(), record.logRef(), null);
    }

    private static Probe.Verdict verdict(ProbeRecord record) {
        return Probe.Verdict.valueOf(record.verdict().name());
    }

    private static Commit commit(CandidateDetails details) {
        return new Commit(details.id(), details.author(), null, details.date(), details.subject(), details.filesChanged());
    }
}
