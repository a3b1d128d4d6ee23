package org.virtregress.repo;

/**
 * The metadata of a repository that must be signed has a missing, bad or untrusted signature;
 * the message starts with {@code signature verification failed:} and names the URL.
 */
public class SignatureException extends RepositoryException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what the URL of the metadata or signature at fault
     * @param reason what is wrong with the signature
     */
    public SignatureException(String what, String reason) {
        super("signature verification failed: " + what + ": " + reason);
    }
}
