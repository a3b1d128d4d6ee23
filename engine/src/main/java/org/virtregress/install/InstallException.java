package org.virtregress.install;

/**
 * Thrown when an install cannot start or cannot be judged: the package manager is missing, the
 * host lock was not granted in time, or the package database cannot be read. The root is then
 * unchanged by this install.
 */
public class InstallException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the input or the program
     */
    public InstallException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the input or the program
     * @param cause the underlying failure
     */
    public InstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
