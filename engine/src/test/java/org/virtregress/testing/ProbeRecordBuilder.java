package org.virtregress.testing;

import java.time.Duration;
import java.util.List;
import org.virtregress.bisect.Phase;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.Verdict;

/**
 * Builds a {@link ProbeRecord} for a test: a bisection probe of round 1 that ran once, with the
 * verdict given, unless the test says otherwise. Not thread-safe; make one per record.
 */
public final class ProbeRecordBuilder {
    private final String candidate;
    private final Verdict verdict;
    private Phase phase = Phase.BISECT;
    private int round = 1;
    private String treeId;
    private List<Verdict> runVerdicts;
    private Duration duration = Duration.ZERO;
    private String logRef;
    private String failureSignature;
    private String reason;
    private boolean cached;

    private ProbeRecordBuilder(String candidate, Verdict verdict) {
        this.candidate = candidate;
        this.verdict = verdict;
    }

    /** Starts the record of a probe of a candidate that gave a verdict. */
    public static ProbeRecordBuilder probe(String candidate, Verdict verdict) {
        return new ProbeRecordBuilder(candidate, verdict);
    }

    /** Sets why and in which bisection round (0 outside the bisect phase) the probe ran. */
    public ProbeRecordBuilder phase(Phase value, int roundNumber) {
        this.phase = value;
        this.round = roundNumber;
        return this;
    }

    /** Sets the verdict of every run; by default the probe ran once, with its verdict. */
    public ProbeRecordBuilder runs(List<Verdict> verdicts) {
        this.runVerdicts = List.copyOf(verdicts);
        return this;
    }

    /** Sets the wall time of all runs. */
    public ProbeRecordBuilder duration(Duration value) {
        this.duration = value;
        return this;
    }

    /** Sets the log of the deciding run. */
    public ProbeRecordBuilder log(String reference) {
        this.logRef = reference;
        return this;
    }

    /** Sets the failure signature of the deciding run and why this verdict. */
    public ProbeRecordBuilder failure(String signature, String why) {
        this.failureSignature = signature;
        this.reason = why;
        return this;
    }

    /** Sets why this verdict. */
    public ProbeRecordBuilder reason(String why) {
        this.reason = why;
        return this;
    }

    /** Marks the verdict as served from another candidate with the same tree. */
    public ProbeRecordBuilder cachedFrom(String tree) {
        this.treeId = tree;
        this.cached = true;
        return this;
    }

    /** Builds the record. */
    public ProbeRecord build() {
        List<Verdict> runs = runVerdicts == null ? (cached ? List.of() : List.of(verdict)) : runVerdicts;
        return new ProbeRecord(phase, round, candidate, treeId, verdict, runs.size(), runs, duration, logRef,
                failureSignature, reason, cached);
    }
}
