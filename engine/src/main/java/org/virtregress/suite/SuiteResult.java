package org.virtregress.suite;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The result of a suite: its status, every case, every command run for it, and its totals.
 * Serializes to JSON with {@code org.virtregress.storage.Json}.
 *
 * @param name the suite name
 * @param status PASSED, FAILED, or ERROR when the suite itself went wrong
 * @param cases every case, in the order the suite reported them (kept even when the suite errored)
 * @param attempts every command run: the suite, then the reruns
 * @param duration the wall time of the whole run, reruns included
 * @param errorMessage why the suite is an ERROR (naming the file and position of bad results),
 *     or {@code null}
 * @param logPath the file holding the suite's full output, or {@code null}
 * @param totals the counts
 */
public record SuiteResult(String name, SuiteStatus status, List<CaseResult> cases, List<SuiteAttempt> attempts,
                          Duration duration, String errorMessage, String logPath, SuiteTotals totals) {
    /** Checks the fields, copies the lists, and counts the totals when they are missing. */
    public SuiteResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        cases = cases == null ? List.of() : List.copyOf(cases);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        duration = duration == null ? Duration.ZERO : duration;
        totals = totals == null ? SuiteTotals.of(cases) : totals;
    }

    /**
     * Creates a result whose status follows from its cases and an optional suite error: ERROR
     * when there is an error or no case at all, FAILED when a case is a real failure, else PASSED.
     *
     * @param name the suite name
     * @param cases the cases
     * @param attempts the commands run
     * @param duration the wall time
     * @param errorMessage the suite error, or {@code null}
     * @param logPath the full log, or {@code null}
     * @return the result
     */
    public static SuiteResult of(String name, List<CaseResult> cases, List<SuiteAttempt> attempts, Duration duration,
                                 String errorMessage, String logPath) {
        String error = errorMessage;
        if (error == null && cases.isEmpty()) {
            error = "suite " + name + " reported no test results";
        }
        SuiteStatus status;
        if (error != null) {
            status = SuiteStatus.ERROR;
        } else if (cases.stream().anyMatch(c -> c.verdict() == CaseVerdict.FAILURE)) {
            status = SuiteStatus.FAILED;
        } else {
            status = SuiteStatus.PASSED;
        }
        return new SuiteResult(name, status, cases, attempts, duration, error, logPath, SuiteTotals.of(cases));
    }

    /** Returns the cases whose final verdict is FAILURE. */
    @JsonIgnore
    public List<CaseResult> failures() {
        return cases.stream().filter(c -> c.verdict() == CaseVerdict.FAILURE).toList();
    }

    /** Returns the cases that failed, then passed on a rerun. */
    @JsonIgnore
    public List<CaseResult> flakyCases() {
        return cases.stream().filter(CaseResult::flaky).toList();
    }

    /** Returns the failure signatures of the cases whose final verdict is FAILURE. */
    @JsonIgnore
    public List<FailureSignature> failureSignatures() {
        return failures().stream().map(FailureSignature::of).toList();
    }
}
