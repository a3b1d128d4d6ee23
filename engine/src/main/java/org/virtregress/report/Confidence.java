package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.FlakyFigures;

/**
 * The figures of a probabilistic bisection of an intermittent failure: how sure it is, how often
 * the test failed, and the posterior over the final range.
 *
 * @param target the confidence aimed for
 * @param probability the posterior of the answer (the culprit, or the set of candidates)
 * @param introduced the posterior that the culprit introduced the failure, from the culprit, its
 *     parent and the two ends alone; null without a culprit
 * @param maxRuns the run budget
 * @param testRuns the test runs made
 * @param badEndRuns how many times the bad end ran
 * @param badEndFailures how many of those runs failed
 * @param failWhenBad the estimated probability that a run of a bad commit fails
 * @param failWhenGood the estimated probability that a run of a good commit fails
 * @param posterior the commits around the answer, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Confidence(double target, double probability, Double introduced, int maxRuns, int testRuns,
                         int badEndRuns, int badEndFailures, double failWhenBad, double failWhenGood,
                         List<Position> posterior) {
    /** Normalizes an absent list to an empty one. */
    public Confidence {
        posterior = Lists.copy(posterior);
    }

    /**
     * One commit of the final range.
     *
     * @param hash the commit
     * @param probability its posterior of being the culprit
     * @param runs its test runs
     * @param failures how many of them failed
     */
    public record Position(String hash, double probability, int runs, int failures) {
    }

    /**
     * Returns the figures of a bisection.
     *
     * @param result the bisection's result
     * @return the figures, or {@code null} for a deterministic bisection
     */
    public static Confidence from(BisectResult result) {
        FlakyFigures figures = result.flaky();
        if (figures == null) {
            return null;
        }
        return new Confidence(figures.target(), figures.confidence(), figures.introduced(), figures.maxRuns(),
                result.testRuns(), figures.badEndRuns(), figures.badEndFailures(), figures.failWhenBad(),
                figures.failWhenGood(), figures.posterior().stream()
                        .map(p -> new Position(p.id(), p.probability(), p.runs(), p.failures())).toList());
    }

    /** Returns one line for people: "confidence 0.9931 (target 0.99), the bad end failed 3 of 7 runs, ...". */
    public String describe() {
        return String.format(Locale.ROOT, "confidence %.4f (target %.2f)%s; the bad end failed %d of %d runs;"
                + " estimated failure rate %.2f on bad commits, %.3f on good ones; %d of at most %d runs",
                probability, target, introduced == null ? "" : String.format(Locale.ROOT,
                        ", introduced by the culprit %.4f", introduced), badEndFailures, badEndRuns, failWhenBad,
                failWhenGood, testRuns, maxRuns);
    }
}
