package org.virtregress.repo;

/**
 * The repository metadata is inconsistent, as it is while the repository is being published
 * (an index points to a file that does not exist yet, or whose checksum does not match). Retry
 * later; nothing was recorded.
 */
public class PublishingInProgressException extends RepositoryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is inconsistent, naming the URL
     */
    public PublishingInProgressException(String message) {
        super(message + ": repository is being published, retry");
    }
}
