package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.ProbeRecord;

/**
 * The bisection over upstream commits between a good and a bad build's source commits.
 *
 * @param repository the upstream repository (URL or name)
 * @param good the known good commits
 * @param bad the known bad commit
 * @param outcome how the bisection ended
 * @param message why it ended that way, for outcomes other than complete; or null
 * @param candidateCount how many commits the range held before the first probe
 * @param probes every probe, in order
 * @param culprit the first bad commit, or null when not narrowed to one
 * @param candidates the commits still in the range when not narrowed to one (oldest first); else empty
 * @param confirmation the confirmation runs, or null when none ran
 * @param confidence the figures of a probabilistic bisection (an intermittent failure), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommitBisection(String repository, List<String> good, String bad, Outcome outcome, String message,
                              int candidateCount, List<ProbeRow> probes, Commit culprit, List<Commit> candidates,
                              Confirmation confirmation, Confidence confidence) {
    /** Requires an outcome and normalizes absent lists to empty ones. */
    public CommitBisection {
        Objects.requireNonNull(outcome, "outcome");
        good = Lists.copy(good);
        probes = Lists.copy(probes);
        candidates = Lists.copy(candidates);
    }

    /** Creates the report of a deterministic bisection, which has no {@link Confidence}. */
    public CommitBisection(String repository, List<String> good, String bad, Outcome outcome, String message,
                           int candidateCount, List<ProbeRow> probes, Commit culprit, List<Commit> candidates,
                           Confirmation confirmation) {
        this(repository, good, bad, outcome, message, candidateCount, probes, culprit, candidates, confirmation, null);
    }

    /** How a bisection ended. */
    public enum Outcome {
        /** One culprit found and confirmed. */
        COMPLETE,
        /** One culprit found, but the confirmation runs disagreed. */
        UNCONFIRMED,
        /** Skipped candidates left several commits that could be the culprit. */
        INCONCLUSIVE,
        /** The bad commit did not fail again, or the good one did not pass again. */
        UNREPRODUCIBLE,
        /** Stopped before the end (interrupted or out of time). */
        ABORTED
    }

    /**
     * Reports a bisection of commits.
     *
     * @param repository where the commits are (a URL)
     * @param result the bisection's result
     * @param subjects names a candidate by its id for people (usually its subject)
     * @param remaining how many candidates were left after a probe, or {@code null} when unknown
     *     (a {@link org.virtregress.bisect.ProgressListener} hears it)
     * @return the report: the candidates oldest first, the message only when the outcome is not
     *     complete
     */
    public static CommitBisection from(String repository, BisectResult result, Function<String, String> subjects,
                                       Function<ProbeRecord, Integer> remaining) {
        Outcome outcome = Outcome.valueOf(result.outcome().name());
        List<Commit> candidates = new ArrayList<>(result.range().stream().map(Commit::from).toList());
        Collections.reverse(candidates);
        return new CommitBisection(repository, result.goods(), result.bad(), outcome,
                outcome == Outcome.COMPLETE ? null : result.reason(), result.candidates(),
                ProbeRow.from(result.probes(), subjects, remaining),
                result.culprit() == null ? null : Commit.from(result.culprit()), candidates, Confirmation.from(result),
                Confidence.from(result));
    }
}
