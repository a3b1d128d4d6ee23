package org.virtregress.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one results format into cases. Implementations stream their input, cap its size, and
 * report malformed or truncated input as errors naming the source and the position instead of
 * throwing, keeping the cases read so far. Implementations are stateless and thread-safe.
 */
public interface ResultParser {
    /** Default cap on the size of one results input: 256 MiB. */
    long DEFAULT_SIZE_CAP = 256L << 20;

    /**
     * Reads results from a stream; the stream is not closed.
     *
     * @param input the results
     * @param source the name of the input used in error messages (a file name)
     * @return the cases and any problems
     */
    ParsedCases parse(InputStream input, String source);

    /**
     * Reads results from a file.
     *
     * @param file the file
     * @return the cases and any problems; a file that cannot be opened is a problem, not an exception
     */
    default ParsedCases parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            return new ParsedCases(java.util.List.of(), java.util.List.of(file + ": cannot read: " + e.getMessage()));
        }
    }
}
