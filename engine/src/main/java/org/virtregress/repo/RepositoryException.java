package org.virtregress.repo;

import java.io.IOException;

/** A repository could not be read; the message names the URL and what is wrong. */
public class RepositoryException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong, naming the URL
     */
    public RepositoryException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong, naming the URL
     * @param cause the underlying failure
     */
    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
