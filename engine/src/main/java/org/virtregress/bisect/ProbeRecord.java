package org.virtregress.bisect;

import java.time.Duration;
import java.util.List;

/**
 * One probe of a bisection as the report shows it: which candidate, why, the verdict and its runs.
 *
 * @param phase why it ran
 * @param round the bisection round (probes of one round ran in parallel); 0 outside {@link Phase#BISECT}
 * @param candidate the commit hash or build id
 * @param treeId the tree id the result cache used, or {@code null}
 * @param verdict the verdict after all runs
 * @param runs how many test runs were made (0 when served from the cache)
 * @param runVerdicts the verdict of every run, in order
 * @param duration the wall time of all runs
 * @param logRef the log of the deciding run, or {@code null}
 * @param failureSignature the failure signature of the deciding run, or {@code null}
 * @param reason why this verdict (exit code, timeout, a different failure, served from the cache)
 * @param cached whether the verdict came from another candidate with the same tree
 */
public record ProbeRecord(Phase phase, int round, String candidate, String treeId, Verdict verdict, int runs,
                          List<Verdict> runVerdicts, Duration duration, String logRef, String failureSignature,
                          String reason, boolean cached) {
    /** Copies the list. */
    public ProbeRecord {
        runVerdicts = runVerdicts == null ? List.of() : List.copyOf(runVerdicts);
        duration = duration == null ? Duration.ZERO : duration;
    }
}
