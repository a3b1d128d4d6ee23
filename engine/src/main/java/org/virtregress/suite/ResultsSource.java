package org.virtregress.suite;

import java.util.Objects;

/**
 * Where a suite's results are: its standard output (TAP, optionally between two marker lines
 * inside other output such as a serial console), or files it writes, named by a path or a glob
 * ({@code *}, {@code ?}, {@code **}, {@code {a,b}}) relative to the suite's working directory.
 *
 * @param fromStdout whether the results are read from standard output
 * @param pattern the path or glob of the results files; {@code null} for standard output
 * @param beginMarker text of the line after which TAP starts on standard output, or {@code null}
 * @param endMarker text of the line at which TAP ends on standard output, or {@code null}
 */
public record ResultsSource(boolean fromStdout, String pattern, String beginMarker, String endMarker) {
    /** Checks that exactly one source is named. */
    public ResultsSource {
        if (fromStdout == (pattern != null)) {
            throw new IllegalArgumentException("results come either from standard output or from files");
        }
        if (pattern != null && pattern.isBlank()) {
            throw new IllegalArgumentException("results file pattern is empty");
        }
    }

    /** Returns a source reading TAP from all of standard output. */
    public static ResultsSource stdout() {
        return new ResultsSource(true, null, null, null);
    }

    /**
     * Returns a source reading TAP from the lines of standard output between two markers; lines
     * that are not TAP (kernel messages on a console) are ignored.
     *
     * @param beginMarker text of the line after which TAP starts
     * @param endMarker text of the line at which TAP ends
     * @return the source
     */
    public static ResultsSource stdoutBetween(String beginMarker, String endMarker) {
        return new ResultsSource(true, null, Objects.requireNonNull(beginMarker, "beginMarker"),
                Objects.requireNonNull(endMarker, "endMarker"));
    }

    /**
     * Returns a source reading the files matching a path or a glob. Only files written (modified)
     * during the run count, so that results left by an earlier run are never read as this run's.
     *
     * @param pathOrGlob the path or glob, relative to the suite's working directory or absolute
     * @return the source
     */
    public static ResultsSource files(String pathOrGlob) {
        return new ResultsSource(false, pathOrGlob, null, null);
    }

    /** Returns a readable description: {@code stdout} or the pattern. */
    public String describe() {
        return fromStdout ? "standard output" : pattern;
    }
}
