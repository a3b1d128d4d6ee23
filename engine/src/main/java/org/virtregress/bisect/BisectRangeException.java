package org.virtregress.bisect;

/**
 * Thrown when the range of a bisection cannot be set up: not a git repository, an unknown revision,
 * a good end that is not an ancestor of the bad end. The message names the input and what to do.
 */
public class BisectRangeException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with which input
     */
    public BisectRangeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong with which input
     * @param cause what the repository library said
     */
    public BisectRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
