package org.virtregress.suite;

import java.time.Duration;
import java.util.List;

/**
 * One command run on behalf of a suite: the suite itself, or the rerun of one failed case.
 *
 * @param caseId the case rerun, or {@code null} for the run of the whole suite
 * @param attempt 1 for the suite run, 2 and up for the reruns of a case
 * @param argv the command
 * @param exitCode its exit code; -1 when it was killed or could not start
 * @param timedOut whether it was killed on timeout
 * @param duration its wall time
 * @param logPath the file holding its full output, or {@code null}
 */
public record SuiteAttempt(String caseId, int attempt, List<String> argv, int exitCode, boolean timedOut,
                           Duration duration, String logPath) {
    /** Copies the argument list so that the record stays immutable. */
    public SuiteAttempt {
        argv = List.copyOf(argv);
        duration = duration == null ? Duration.ZERO : duration;
    }
}
