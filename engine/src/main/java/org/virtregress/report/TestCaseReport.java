package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Objects;

/**
 * One test case of a suite, after reruns.
 *
 * @param id the stable identifier (for example {@code classname.name} or a TAP test number and description)
 * @param name the display name
 * @param verdict the verdict after reruns
 * @param duration the time of the last attempt, or null
 * @param reason the failure or skip message, or null
 * @param output an excerpt of the case's output (the tail), or null
 * @param attempts how many times the case ran, at least 1 (more when failures were rerun)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestCaseReport(String id, String name, Verdict verdict, Duration duration, String reason,
                             String output, int attempts) {
    /** Requires an id and a verdict, and defaults the name to the id. */
    public TestCaseReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        if (name == null) {
            name = id;
        }
        if (attempts < 1) {
            attempts = 1;
        }
    }

    /**
     * Creates a case that ran once.
     *
     * @param id the identifier, also its name
     * @param verdict the verdict
     * @param duration the time it took
     * @return the case
     */
    public static TestCaseReport of(String id, Verdict verdict, Duration duration) {
        return new TestCaseReport(id, id, verdict, duration, null, null, 1);
    }

    /** The verdict of a test case after reruns. */
    public enum Verdict {
        /** Passed at the first attempt. */
        PASS,
        /** Failed every attempt. */
        FAIL,
        /** Failed, then passed on a rerun. */
        FLAKY,
        /** Skipped. */
        SKIP,
        /** Could not run. */
        ERROR
    }
}
