package org.virtregress.bisect;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Probe} found out about one candidate.
 *
 * @param verdict good, bad, skip or weak
 * @param runs how many times the test ran to reach the verdict (0 when served from the cache)
 * @param duration the wall time spent
 * @param logRef where the full log is (a file path or URL), or {@code null}
 * @param failureSignature what the failure looked like, compared by the same-failure check; {@code null}
 *     when the probe did not fail or cannot tell
 * @param reason a short human explanation (exit code, timeout, build failure)
 */
public record ProbeResult(Verdict verdict, int runs, Duration duration, String logRef, String failureSignature,
                          String reason) {
    /** Checks the verdict and fills empty defaults. */
    public ProbeResult {
        Objects.requireNonNull(verdict, "verdict");
        duration = duration == null ? Duration.ZERO : duration;
        reason = reason == null ? "" : reason;
    }

    /** Returns a single good run. */
    public static ProbeResult good(String reason) {
        return new ProbeResult(Verdict.GOOD, 1, Duration.ZERO, null, null, reason);
    }

    /** Returns a single bad run with its failure signature. */
    public static ProbeResult bad(String signature, String reason) {
        return new ProbeResult(Verdict.BAD, 1, Duration.ZERO, null, signature, reason);
    }

    /** Returns a single run that could not test the candidate. */
    public static ProbeResult skip(String reason) {
        return new ProbeResult(Verdict.SKIP, 1, Duration.ZERO, null, null, reason);
    }

    /** Returns a copy with another verdict and reason, keeping the rest. */
    public ProbeResult withVerdict(Verdict newVerdict, String newReason) {
        return new ProbeResult(newVerdict, runs, duration, logRef, failureSignature, newReason);
    }
}
