package org.virtregress.suite;

import java.time.Duration;
import java.util.List;

/**
 * One rerun of a failed case.
 *
 * @param attempt the attempt number: 2 for the first rerun (the original run is attempt 1)
 * @param status what the rerun gave
 * @param duration how long the case took, or the rerun command when the case reported none
 * @param failureReason why it failed, or {@code null}
 * @param outputExcerpt a capped excerpt of its output, or {@code null}
 * @param logPaths logs of this attempt
 */
public record CaseAttempt(int attempt, CaseStatus status, Duration duration, String failureReason,
                          String outputExcerpt, List<String> logPaths) {
    /** Copies the lists so that the record stays immutable. */
    public CaseAttempt {
        logPaths = logPaths == null ? List.of() : List.copyOf(logPaths);
        duration = duration == null ? Duration.ZERO : duration;
    }
}
