package org.virtregress.bisect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A state file that belongs to another bisection, or to no known one: its verdicts answer another
 * question, so none is reused. The message says what differs and how to start afresh.
 */
public final class BisectStateMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file. */
    private final transient Path file;
    /** What differs, one setting per entry. */
    private final List<String> differences;

    /**
     * Creates the exception.
     *
     * @param file the state file
     * @param what the sentence saying why it cannot be reused, without the advice
     * @param differences what differs, one setting per entry; empty when the file records no fingerprint
     */
    BisectStateMismatchException(Path file, String what, List<String> differences) {
        super(what + (differences.isEmpty() ? "" : ": " + String.join("; ", differences))
                + "; give another state file, or delete " + file + " to start afresh");
        this.file = file;
        this.differences = List.copyOf(differences);
    }

    /** Returns the state file. */
    public Path file() {
        return file;
    }

    /** Returns what differs, one setting per entry (for example {@code "repeat: 1 in the state file, 3 now"}). */
    public List<String> differences() {
        return differences;
    }
}
