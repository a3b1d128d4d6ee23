package io.jenkins.plugins.virtregress.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import hudson.Util;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Finds the username and password of a repository in the Credentials plugin, with the
 * authentication of the build or job that uses them, in that job's context: a job sees only the
 * credentials its authentication may use there, never the controller's {@code SYSTEM}-scoped ones.
 */
public final class RepositoryCredentials {
    /**
     * Matches the username/password credentials a job may use, for the credentials drop-down: not
     * the {@code SYSTEM}-scoped ones, which jobs never see.
     */
    static final CredentialsMatcher MATCHER = CredentialsMatchers.allOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM)));

    private RepositoryCredentials() {
    }

    /**
     * Looks up the credentials of a repository for a build.
     *
     * @param repository the configured repository
     * @param run the build that uses them
     * @return the username and password, or null when the repository has no credentials
     * @throws AbortException if the repository names credentials the build cannot see
     */
    @CheckForNull
    public static BasicAuth lookup(PackageRepository repository, Run<?, ?> run) throws AbortException {
        String id = repository.getCredentialsId();
        if (id == null) {
            return null;
        }
        return toAuth("Repository " + repository.getName(), id,
                CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run));
    }

    /**
     * Looks up the credentials of a package's upstream git repository for a build.
     *
     * @param source the configured upstream source
     * @param run the build that fetches it
     * @return the username and password, or null when the source has no credentials
     * @throws AbortException if the source names credentials the build cannot see
     */
    @CheckForNull
    public static BasicAuth lookup(UpstreamSource source, Run<?, ?> run) throws AbortException {
        String id = source.getCredentialsId();
        if (id == null) {
            return null;
        }
        return toAuth("The upstream source of " + source.getPackageName(), id,
                CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run));
    }

    /**
     * Looks up the credentials of a repository for a job that polls without a build (a trigger).
     *
     * @param repository the configured repository
     * @param item the job
     * @param authentication the job's authentication
     * @return the username and password, or null when the repository has no credentials
     * @throws AbortException if the repository names credentials the job cannot see
     */
    @CheckForNull
    public static BasicAuth lookup(PackageRepository repository, Item item, Authentication authentication)
            throws AbortException {
        String id = repository.getCredentialsId();
        if (id == null) {
            return null;
        }
        return toAuth("Repository " + repository.getName(), id, CredentialsProvider.findCredentialByIdInItem(id,
                StandardUsernamePasswordCredentials.class, item, authentication, List.of()));
    }

    private static BasicAuth toAuth(String what, String id, StandardUsernamePasswordCredentials found)
            throws AbortException {
        if (found == null) {
            throw new AbortException(what + " names credentials " + id + " that this job cannot use: they do not"
                    + " exist, are not username/password credentials, or are not visible to the job's authentication.");
        }
        return new BasicAuth(found.getUsername(), found.getPassword().getPlainText());
    }

    /**
     * Lists the username/password credentials a global entry may name, for an administrator, as that
     * administrator sees them (never as {@code SYSTEM}); anyone else sees only the current value.
     * The form endpoint checks the permission itself.
     *
     * @param credentialsId the current value, kept in the list even when not visible
     * @param administrator whether the user may administer Jenkins
     * @return the choices
     */
    static ListBoxModel choices(@CheckForNull String credentialsId, boolean administrator) {
        Jenkins jenkins = Jenkins.get();
        if (!administrator) {
            return new StandardListBoxModel().includeCurrentValue(Util.fixNull(credentialsId));
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(Jenkins.getAuthentication2(), jenkins, StandardUsernamePasswordCredentials.class,
                        List.of(), MATCHER)
                .includeCurrentValue(Util.fixNull(credentialsId));
    }
}
