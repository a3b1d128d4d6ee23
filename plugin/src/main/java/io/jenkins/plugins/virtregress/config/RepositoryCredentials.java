package io.jenkins.plugins.virtregress.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.security.ACL;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Finds the username and password of a repository in the Credentials plugin. Looked up as the
 * system on the controller, because repositories are configured globally by administrators.
 */
public final class RepositoryCredentials {
    /** Matches every username/password credential. */
    static final CredentialsMatcher MATCHER = CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class);

    private RepositoryCredentials() {
    }

    /**
     * Looks up the credentials of a repository.
     *
     * @param repository the configured repository
     * @return the username and password, or null when the repository has no credentials
     * @throws AbortException if the repository names credentials that do not exist
     */
    public static BasicAuth lookup(PackageRepository repository) throws AbortException {
        String id = repository.getCredentialsId();
        if (id == null) {
            return null;
        }
        List<StandardUsernamePasswordCredentials> all = CredentialsProvider.lookupCredentialsInItemGroup(
                StandardUsernamePasswordCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
        StandardUsernamePasswordCredentials found = CredentialsMatchers.firstOrNull(all, CredentialsMatchers.withId(id));
        if (found == null) {
            throw new AbortException("Repository " + repository.getName() + " names credentials " + id
                    + " that do not exist (or are not username/password credentials).");
        }
        return new BasicAuth(found.getUsername(), found.getPassword().getPlainText());
    }
}
