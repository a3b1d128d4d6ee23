package org.virtregress.process;

import java.time.Duration;
import java.util.List;

/**
 * What a finished command did: its exit code, whether it was killed on timeout, how long it took
 * and a capped copy of its output.
 *
 * @param argv the arguments it ran with
 * @param exitCode the exit code; -1 when killed on timeout
 * @param timedOut whether the process tree was killed because the timeout passed
 * @param duration the wall time
 * @param output standard output (and standard error, when merged), capped: the tail is kept
 * @param stderr standard error when kept apart, capped; empty when merged
 * @param truncated whether the kept output lost lines to the cap
 */
public record CommandResult(List<String> argv, int exitCode, boolean timedOut, Duration duration,
                            String output, String stderr, boolean truncated) {
    /** Returns whether the command exited with 0 and was not killed. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** Returns a one-line description of the outcome naming the command. */
    public String describe() {
        String cmd = Command.display(argv);
        if (timedOut) {
            return cmd + ": killed after timeout of " + duration.toSeconds() + " s";
        }
        return cmd + ": exit code " + exitCode + " after " + duration.toMillis() + " ms";
    }
}
