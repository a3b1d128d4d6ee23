package org.virtregress.repo;

/**
 * How the poll of one repository went.
 *
 * @param repository the repository as configured
 * @param status the outcome
 * @param message what went wrong, naming the URL; null when nothing did
 */
public record RepositoryOutcome(String repository, Status status, String message) {
    /** The outcome of polling one repository. */
    public enum Status {
        /** The index was unchanged (HTTP 304, identical content, or for Debian the same selected indices listed): nothing else was downloaded. */
        UNCHANGED,
        /** The metadata was read and compared with the state. */
        READ,
        /** The metadata is inconsistent because the repository is being published: retry later. */
        PUBLISHING,
        /** The repository could not be read. */
        FAILED
    }
}
