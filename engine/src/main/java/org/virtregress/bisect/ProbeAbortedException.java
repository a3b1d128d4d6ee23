package org.virtregress.bisect;

/** Thrown by a {@link Probe} when the bisection must stop at once (the test program itself failed). */
public class ProbeAbortedException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message why the bisection stops, naming the candidate and the command
     */
    public ProbeAbortedException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message why the bisection stops
     * @param cause what went wrong underneath
     */
    public ProbeAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
