package org.virtregress.repo;

/** A file is larger than the limit set for it (a decompression bomb, or an oversized index). */
public class TooLargeException extends RepositoryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is too large, naming the URL and the limit
     */
    public TooLargeException(String message) {
        super(message);
    }
}
