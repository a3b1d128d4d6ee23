package org.virtregress.repo;

/** The server answered that a file does not exist (HTTP 404 or 410, or a missing local file). */
public class NotFoundException extends RepositoryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing, naming the URL
     */
    public NotFoundException(String message) {
        super(message);
    }
}
