package org.virtregress.bisect;

import java.util.List;

/**
 * What a probabilistic bisection found out, in figures: its confidence, the test's estimated
 * failure rates, how often the bad end failed, and the posterior over the final range.
 *
 * @param target the confidence the search aimed for
 * @param confidence the posterior probability of the answer: of the culprit, or of the set of
 *     candidates in {@link BisectResult#range()} when there is no single culprit
 * @param introduced the posterior that the culprit introduced the failure from the runs of the
 *     culprit, its parent and the two ends alone (the confirmation); {@code null} without a culprit
 * @param maxRuns the run budget
 * @param badEndRuns how many times the bad end ran
 * @param badEndFailures how many of those runs failed
 * @param failWhenBad the estimated probability that a run of a bad candidate fails (posterior mean)
 * @param failWhenGood the estimated probability that a run of a good candidate fails (posterior mean)
 * @param posterior the candidates around the answer, oldest first, with their posterior and runs
 */
public record FlakyFigures(double target, double confidence, Double introduced, int maxRuns, int badEndRuns,
                           int badEndFailures, double failWhenBad, double failWhenGood, List<Position> posterior) {
    /** Copies the list. */
    public FlakyFigures {
        posterior = posterior == null ? List.of() : List.copyOf(posterior);
    }

    /**
     * One candidate of the final range.
     *
     * @param id the commit hash or build id
     * @param probability the posterior that it is the culprit
     * @param runs how many runs it had
     * @param failures how many of them failed
     */
    public record Position(String id, double probability, int runs, int failures) {
    }
}
