package org.virtregress.bisect;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of a bisection, for reports (serialised with the engine's JSON mapper).
 *
 * @param goods the good ends
 * @param bad the bad end
 * @param candidates the number of candidates at the start, the bad end included
 * @param outcome how it ended
 * @param reason a sentence saying why, for every outcome
 * @param culprit the first bad candidate, for {@link Outcome#COMPLETE} and {@link Outcome#UNCONFIRMED}; else {@code null}
 * @param range the candidates that may hold the culprit when it is not a single one (newest first); else empty
 * @param probes every probe of the verify and bisect phases, in order
 * @param confirmation the confirmation probes (the culprit's parents, then the culprit)
 * @param rounds the number of bisection rounds
 * @param bisectionProbes the number of bisection probes that ran a test (not from the cache)
 * @param testRuns the number of test runs in all phases
 * @param probesPerRound how many probes ran at once (k)
 * @param wallTime the wall time of the whole bisection (this process only, when resumed)
 * @param testTime the summed wall time of the test runs
 * @param expectedSignature the failure signature the same-failure check compared against, or {@code null}
 * @param notes verdicts set aside because they contradicted others
 * @param flaky the figures of a probabilistic bisection ({@link FlakyBisector}); {@code null} for a deterministic one
 */
public record BisectResult(List<String> goods, String bad, int candidates, Outcome outcome, String reason,
                           CandidateDetails culprit, List<CandidateDetails> range, List<ProbeRecord> probes,
                           List<ProbeRecord> confirmation, int rounds, int bisectionProbes, int testRuns,
                           int probesPerRound, Duration wallTime, Duration testTime, String expectedSignature,
                           List<String> notes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) FlakyFigures flaky) {
    /** Copies the lists. */
    public BisectResult {
        goods = List.copyOf(goods);
        range = range == null ? List.of() : List.copyOf(range);
        probes = probes == null ? List.of() : List.copyOf(probes);
        confirmation = confirmation == null ? List.of() : List.copyOf(confirmation);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Creates the result of a deterministic bisection, which has no {@link FlakyFigures}. */
    public BisectResult(List<String> goods, String bad, int candidates, Outcome outcome, String reason,
                        CandidateDetails culprit, List<CandidateDetails> range, List<ProbeRecord> probes,
                        List<ProbeRecord> confirmation, int rounds, int bisectionProbes, int testRuns,
                        int probesPerRound, Duration wallTime, Duration testTime, String expectedSignature,
                        List<String> notes) {
        this(goods, bad, candidates, outcome, reason, culprit, range, probes, confirmation, rounds, bisectionProbes,
                testRuns, probesPerRound, wallTime, testTime, expectedSignature, notes, null);
    }
}
