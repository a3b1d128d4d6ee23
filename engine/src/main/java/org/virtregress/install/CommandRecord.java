package org.virtregress.install;

import java.time.Duration;
import java.util.List;

/**
 * One command an install ran, for the record.
 *
 * @param argv the arguments
 * @param exitCode the exit code; -1 when killed on timeout
 * @param timedOut whether it was killed because its time ran out
 * @param duration how long it took
 */
public record CommandRecord(List<String> argv, int exitCode, boolean timedOut, Duration duration) {
    /** Copies the argument list. */
    public CommandRecord {
        argv = List.copyOf(argv);
    }
}
