package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A state file that belongs to another hunt, or to one searched another way: its verdicts answer
 * another question, so none is reused. The message says what differs and how to start afresh.
 */
public final class HuntStateMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file. */
    private final transient Path file;
    /** What differs, one setting per entry. */
    private final List<String> differences;

    /**
     * Creates the exception.
     *
     * @param file the state file
     * @param differences what differs, one setting per entry
     */
    HuntStateMismatchException(Path file, List<String> differences) {
        super("state file " + file + " belongs to a hunt with other settings: " + String.join("; ", differences)
                + "; run the hunt as it was, give another --state file, or delete " + file + " to start afresh");
        this.file = file;
        this.differences = List.copyOf(differences);
    }

    /** Returns the state file. */
    public Path file() {
        return file;
    }

    /** Returns what differs, one setting per entry (for example {@code "--flaky: off in the state file, on now"}). */
    public List<String> differences() {
        return differences;
    }
}
