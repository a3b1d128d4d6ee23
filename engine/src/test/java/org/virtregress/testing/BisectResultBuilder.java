package org.virtregress.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.ProbeRecord;

/**
 * Builds a {@link BisectResult} for a test, naming only what the test cares about: every other
 * field has a neutral default (no goods, bad end {@code "bad"}, {@link Outcome#COMPLETE}, empty
 * lists, zero counts and durations). Not thread-safe; make one per result.
 */
public final class BisectResultBuilder {
    private List<String> goods = List.of();
    private String bad = "bad";
    private int candidates;
    private Outcome outcome = Outcome.COMPLETE;
    private String reason = "";
    private CandidateDetails culprit;
    private List<CandidateDetails> range = List.of();
    private final List<ProbeRecord> probes = new ArrayList<>();
    private final List<ProbeRecord> confirmation = new ArrayList<>();
    private int rounds;
    private int bisectionProbes;
    private int testRuns;
    private int probesPerRound = 1;
    private Duration wallTime = Duration.ZERO;
    private Duration testTime = Duration.ZERO;
    private String expectedSignature;
    private final List<String> notes = new ArrayList<>();

    private BisectResultBuilder() {
    }

    /** Starts a result of the outcome {@link Outcome#COMPLETE} with nothing else set. */
    public static BisectResultBuilder bisectResult() {
        return new BisectResultBuilder();
    }

    /** Sets the good ends and the bad end. */
    public BisectResultBuilder range(List<String> goodEnds, String badEnd) {
        this.goods = List.copyOf(goodEnds);
        this.bad = badEnd;
        return this;
    }

    /** Sets the number of candidates at the start. */
    public BisectResultBuilder candidates(int count) {
        this.candidates = count;
        return this;
    }

    /** Sets how it ended and why. */
    public BisectResultBuilder outcome(Outcome value, String why) {
        this.outcome = value;
        this.reason = why;
        return this;
    }

    /** Sets the first bad candidate. */
    public BisectResultBuilder culprit(CandidateDetails value) {
        this.culprit = value;
        return this;
    }

    /** Sets the candidates left when the culprit is not a single one, newest first. */
    public BisectResultBuilder remaining(List<CandidateDetails> values) {
        this.range = List.copyOf(values);
        return this;
    }

    /** Adds probes of the verify and bisect phases. */
    public BisectResultBuilder probes(List<ProbeRecord> values) {
        probes.addAll(values);
        return this;
    }

    /** Adds confirmation probes. */
    public BisectResultBuilder confirmation(List<ProbeRecord> values) {
        confirmation.addAll(values);
        return this;
    }

    /** Sets the counts: rounds, bisection probes that ran a test, test runs, probes per round. */
    public BisectResultBuilder counts(int roundCount, int probeCount, int runCount, int perRound) {
        this.rounds = roundCount;
        this.bisectionProbes = probeCount;
        this.testRuns = runCount;
        this.probesPerRound = perRound;
        return this;
    }

    /** Sets the wall time of the bisection and the summed time of its test runs. */
    public BisectResultBuilder times(Duration wall, Duration test) {
        this.wallTime = wall;
        this.testTime = test;
        return this;
    }

    /** Sets the failure signature the same-failure check compared against. */
    public BisectResultBuilder expectedSignature(String signature) {
        this.expectedSignature = signature;
        return this;
    }

    /** Adds a note on a verdict set aside. */
    public BisectResultBuilder note(String text) {
        notes.add(text);
        return this;
    }

    /** Builds the result. */
    public BisectResult build() {
        return new BisectResult(goods, bad, candidates, outcome, reason, culprit, range, probes, confirmation,
                rounds, bisectionProbes, testRuns, probesPerRound, wallTime, testTime, expectedSignature, notes);
    }
}
