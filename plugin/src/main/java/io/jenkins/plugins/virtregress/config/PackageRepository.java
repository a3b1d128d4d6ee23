package io.jenkins.plugins.virtregress.config;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A package repository named in the global configuration: its base URL and the id of the
 * username/password credentials used to read it. Jobs refer to it by name.
 */
public class PackageRepository implements Describable<PackageRepository> {
    private final String name;
    private final String url;
    private String credentialsId;

    /**
     * Creates a repository entry.
     *
     * @param name the name jobs use to refer to it
     * @param url the base URL (the directory holding {@code repodata/} or {@code dists/})
     */
    @DataBoundConstructor
    public PackageRepository(String name, String url) {
        this.name = Util.fixNull(name).trim();
        this.url = Util.fixNull(url).trim();
    }

    /** Returns the name. */
    public String getName() {
        return name;
    }

    /** Returns the url. */
    public String getUrl() {
        return url;
    }

    /** Returns the credentials id. */
    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * Sets the credentials used to read the repository.
     *
     * @param credentialsId the id of username/password credentials, or empty for none
     */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageRepository other && name.equals(other.name) && url.equals(other.url)
                && Objects.equals(credentialsId, other.credentialsId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, url, credentialsId);
    }

    @Override
    public String toString() {
        return name + " (" + url + ")";
    }

    /** Validates the fields and lists the credentials of a repository entry in the global configuration. */
    @Extension
    public static class DescriptorImpl extends Descriptor<PackageRepository> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Package repository";
        }

        /**
         * Checks the name of the repository.
         *
         * @param value the name as typed
         * @return the validation result
         */
        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(FieldChecks.repositoryName(value));
        }

        /**
         * Checks the base URL of the repository.
         *
         * @param value the URL as typed
         * @return the validation result
         */
        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(FieldChecks.repositoryUrl(value,
                    VirtRegressConfiguration.get().isAllowFileRepositories()));
        }

        /**
         * Lists the username/password credentials of the controller.
         *
         * @param credentialsId the current value, kept in the list even when not visible
         * @return the choices
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            Jenkins jenkins = Jenkins.get();
            if (!jenkins.hasPermission(Jenkins.ADMINISTER)) {
                return new StandardListBoxModel().includeCurrentValue(Util.fixNull(credentialsId));
            }
            return new StandardListBoxModel()
                    .includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, jenkins, StandardUsernamePasswordCredentials.class,
                            List.of(), RepositoryCredentials.MATCHER)
                    .includeCurrentValue(Util.fixNull(credentialsId));
        }
    }
}
