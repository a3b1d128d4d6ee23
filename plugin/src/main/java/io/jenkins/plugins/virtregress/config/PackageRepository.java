package io.jenkins.plugins.virtregress.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Objects;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.virtregress.repo.IndexSelection;
import org.virtregress.repo.Repository;

/**
 * A package repository named in the global configuration: its base URL, the id of the
 * username/password credentials used to read it, and the architectures and Debian components to
 * read (empty for the engine's defaults). Jobs refer to it by name.
 */
public class PackageRepository implements Describable<PackageRepository> {
    private final String name;
    private final String url;
    private String credentialsId;
    private String architectures;
    private String components;

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

    /** Returns the architectures to read, separated by blanks or commas; empty for the default. */
    public String getArchitectures() {
        return Util.fixNull(architectures);
    }

    /**
     * Sets the architectures to read.
     *
     * @param architectures names separated by blanks or commas ({@code amd64 all}, {@code x86_64 noarch},
     *     {@code any}); empty for the host's own plus {@code all} or {@code noarch}
     */
    @DataBoundSetter
    public void setArchitectures(String architectures) {
        this.architectures = Util.fixEmptyAndTrim(architectures);
    }

    /** Returns the Debian components to read, separated by blanks or commas; empty for all. */
    public String getComponents() {
        return Util.fixNull(components);
    }

    /**
     * Sets the Debian components to read.
     *
     * @param components names separated by blanks or commas ({@code main contrib}); empty for every
     *     component the suite's Release lists
     */
    @DataBoundSetter
    public void setComponents(String components) {
        this.components = Util.fixEmptyAndTrim(components);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageRepository other && name.equals(other.name) && url.equals(other.url)
                && Objects.equals(credentialsId, other.credentialsId)
                && getArchitectures().equals(other.getArchitectures()) && getComponents().equals(other.getComponents());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, url, credentialsId, getArchitectures(), getComponents());
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
         * Checks the architectures with the engine's rule.
         *
         * @param value the architectures as typed
         * @return the validation result
         */
        @POST
        public FormValidation doCheckArchitectures(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            try {
                IndexSelection.parse(List.of(Util.fixNull(value)), List.of());
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Checks the components with the engine's rule: valid names, and only for a Debian suite.
         *
         * @param value the components as typed
         * @param url the repository URL as typed, to tell whether it is a Debian suite
         * @return the validation result
         */
        @POST
        public FormValidation doCheckComponents(@QueryParameter String value, @QueryParameter String url) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            IndexSelection selection;
            try {
                selection = IndexSelection.parse(List.of(), List.of(Util.fixNull(value)));
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
            Repository repository;
            try {
                repository = Repository.parse(Util.fixNull(url));
            } catch (IllegalArgumentException e) {
                return FormValidation.ok(); // the URL's own check reports it
            }
            try {
                repository.withSelection(selection);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Lists the username/password credentials of the controller.
         *
         * @param credentialsId the current value, kept in the list even when not visible
         * @return the choices
         */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return RepositoryCredentials.choices(credentialsId, Jenkins.get().hasPermission(Jenkins.ADMINISTER));
        }
    }
}
