package io.jenkins.plugins.virtregress.model;

import hudson.AbortException;
import java.time.Duration;
import java.util.Locale;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;

/**
 * The contract between a Pipeline probe body and the bisection: how the body says what it found.
 * <ul>
 * <li>The body completes normally: {@code GOOD}, unless it returns a verdict:</li>
 * <li>{@code 'good'}, {@code 'bad'} or {@code 'skip'} (any case), or {@code true} (good) / {@code false} (bad);</li>
 * <li>a number, read as an exit code the way {@code git bisect run} does: 0 good, 125 skip,
 *     1–127 bad, anything else stops the bisection (as {@code sh(returnStatus: true, …)} gives), by
 *     the engine's {@link Verdict#ofExitCode(int)};</li>
 * <li>another string stops the bisection: a typo must not become a verdict;</li>
 * <li>any other value (such as what the last step returned) counts as completing normally: good.</li>
 * <li>The body fails as a test fails (a failing {@code sh}, {@code error}: Jenkins' {@code AbortException}):
 *     {@code BAD};</li>
 * <li>the body fails for any other reason (a sandbox rejection, a typo, a missing method, an
 *     agent that went away): the bisection stops with that message, because the script, not the
 *     commit, failed.</li>
 * </ul>
 * A body that timed out ({@code timeout} step) is {@code SKIP}; a build stopped by a user stops
 * the bisection. Those two are decided by the step, which sees the Pipeline exception types.
 */
public final class BodyVerdicts {
    private BodyVerdicts() {
    }

    /**
     * Reads a body's return value.
     *
     * @param value what the body returned
     * @param duration how long the body ran
     * @return the probe result
     * @throws ProbeAbortedException if the value asks to stop, or is a string that is not a verdict
     */
    public static ProbeResult fromReturnValue(Object value, Duration duration) throws ProbeAbortedException {
        if (value instanceof Boolean good) {
            return result(good ? Verdict.GOOD : Verdict.BAD, duration, "body returned " + good);
        }
        if (value instanceof Number number) {
            long code = number.longValue();
            if (code < Integer.MIN_VALUE || code > Integer.MAX_VALUE) {
                throw new ProbeAbortedException("the probe body returned " + code + ": stopping the bisection");
            }
            try {
                return result(Verdict.ofExitCode((int) code), duration, "body returned " + code);
            } catch (ProbeAbortedException e) {
                throw new ProbeAbortedException("the probe body returned " + code + ": " + e.getMessage(), e);
            }
        }
        if (value instanceof CharSequence text) {
            String word = text.toString().trim().toLowerCase(Locale.ROOT);
            return switch (word) {
                case "good" -> result(Verdict.GOOD, duration, "body returned 'good'");
                case "bad" -> result(Verdict.BAD, duration, "body returned 'bad'");
                case "skip" -> result(Verdict.SKIP, duration, "body returned 'skip'");
                default -> throw new ProbeAbortedException("the probe body returned '" + text
                        + "'; return 'good', 'bad', 'skip', true, false or an exit code");
            };
        }
        return result(Verdict.GOOD, duration, "body completed");
    }

    /**
     * Reads a body's failure.
     *
     * @param failure what the body threw
     * @param duration how long the body ran
     * @return a bad probe result whose reason is the failure's message, for a test that failed
     * @throws ProbeAbortedException for any other failure: the script or the node failed, which
     *     says nothing about the commit and must not steer the bisection
     */
    public static ProbeResult fromFailure(Throwable failure, Duration duration) throws ProbeAbortedException {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (failure instanceof AbortException) {
            return result(Verdict.BAD, duration, "body failed: " + message);
        }
        throw new ProbeAbortedException("the probe body failed with " + failure.getClass().getName() + ": " + message
                + "; fix the Pipeline script (a failing test is a failing sh or error step, or a returned verdict)",
                failure);
    }

    /**
     * Reads a body that ran out of time.
     *
     * @param duration how long the body ran
     * @return a skip: a hung test says nothing about the commit
     */
    public static ProbeResult timedOut(Duration duration) {
        return result(Verdict.SKIP, duration, "body timed out");
    }

    private static ProbeResult result(Verdict verdict, Duration duration, String reason) {
        return new ProbeResult(verdict, 1, duration, null, null, reason);
    }
}
