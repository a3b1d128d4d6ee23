package org.virtregress.suite;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One test case of a suite: its first run, every rerun, and the final verdict.
 *
 * @param id the stable identifier used to select the case again (avocado test id, JUnit
 *     {@code classname.name}, TAP test number)
 * @param name a readable name (TAP description, JUnit name); equal to the id when there is none
 * @param status the status of the first run
 * @param duration the duration of the first run; zero when unknown
 * @param failureReason why the first run failed, or {@code null}
 * @param outputExcerpt a capped excerpt of the first run's output or diagnostics, or {@code null}
 * @param logPaths logs of the first run
 * @param reruns every rerun, in order; empty when the case was not rerun
 * @param verdict the final verdict
 */
public record CaseResult(String id, String name, CaseStatus status, Duration duration, String failureReason,
                         String outputExcerpt, List<String> logPaths, List<CaseAttempt> reruns,
                         CaseVerdict verdict) {
    /** Checks the fields and copies the lists so that the record stays immutable. */
    public CaseResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        name = name == null || name.isEmpty() ? id : name;
        duration = duration == null ? Duration.ZERO : duration;
        logPaths = logPaths == null ? List.of() : List.copyOf(logPaths);
        reruns = reruns == null ? List.of() : List.copyOf(reruns);
        verdict = verdict == null ? initialVerdict(status) : verdict;
    }

    /**
     * Creates a case from its first run, with the verdict that run alone gives.
     *
     * @param id the identifier
     * @param name the readable name, or {@code null}
     * @param status the status
     * @param duration the duration, or {@code null}
     * @param failureReason the failure reason, or {@code null}
     * @param outputExcerpt the output excerpt, or {@code null}
     * @return the case
     */
    public static CaseResult of(String id, String name, CaseStatus status, Duration duration,
                                String failureReason, String outputExcerpt) {
        return new CaseResult(id, name, status, duration, failureReason, outputExcerpt, List.of(), List.of(), null);
    }

    /** Returns the verdict a single run with this status gives. */
    public static CaseVerdict initialVerdict(CaseStatus status) {
        if (status.failing()) {
            return CaseVerdict.FAILURE;
        }
        return status == CaseStatus.SKIP || status == CaseStatus.CANCEL ? CaseVerdict.SKIPPED : CaseVerdict.PASSED;
    }

    /** Returns this case with other log paths. */
    public CaseResult withLogPaths(List<String> paths) {
        return new CaseResult(id, name, status, duration, failureReason, outputExcerpt, paths, reruns, verdict);
    }

    /**
     * Returns this case with one more rerun, and the verdict recomputed: FLAKY as soon as a rerun
     * passes, FAILURE while every rerun fails.
     *
     * @param rerun the rerun
     * @return the updated case
     */
    public CaseResult withRerun(CaseAttempt rerun) {
        List<CaseAttempt> all = new ArrayList<>(reruns);
        all.add(rerun);
        CaseVerdict next = verdict;
        if (status.failing() && all.stream().anyMatch(a -> !a.status().failing())) {
            next = CaseVerdict.FLAKY;
        }
        return new CaseResult(id, name, status, duration, failureReason, outputExcerpt, logPaths, all, next);
    }

    /** Returns whether the case failed at first and passed on a rerun. */
    @JsonIgnore
    public boolean flaky() {
        return verdict == CaseVerdict.FLAKY;
    }

    /** Returns the number of runs: the first one plus every rerun. */
    @JsonIgnore
    public int attempts() {
        return 1 + reruns.size();
    }

    /**
     * Returns the normalized failure signature of the first run, or {@code null} when it did not fail.
     */
    @JsonIgnore
    public FailureSignature signature() {
        return status.failing() ? FailureSignature.of(this) : null;
    }
}
