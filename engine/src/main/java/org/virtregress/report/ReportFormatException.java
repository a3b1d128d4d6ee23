package org.virtregress.report;

import java.io.IOException;

/** Thrown when a file is not a report this code can read: bad JSON, a missing part, or a newer schema. */
public class ReportFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the input
     */
    public ReportFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, naming the input
     * @param cause the parser's error
     */
    public ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
