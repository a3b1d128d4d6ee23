package org.virtregress.process;

/** Receives the output of a running command line by line, from the reader threads. */
@FunctionalInterface
public interface OutputListener {
    /** A listener that ignores everything. */
    OutputListener NONE = (stream, line) -> { };

    /**
     * Called for every line, without its line terminator. Must be thread-safe: standard output and
     * standard error are read by two threads when they are kept apart.
     *
     * @param stream which stream the line came from
     * @param line the line
     */
    void line(Stream stream, String line);

    /** The stream a line came from. */
    enum Stream { STDOUT, STDERR }
}
