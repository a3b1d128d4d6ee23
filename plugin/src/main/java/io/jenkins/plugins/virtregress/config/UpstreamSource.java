package io.jenkins.plugins.virtregress.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The upstream git repository of a package, for the commit level of the regression hunt: the
 * package's name, the repository's URL, the id of the username/password credentials that read it
 * (http and https), and the tag template of upstream versions ({@code v%{version}}) for builds that
 * record no source commit.
 */
public class UpstreamSource extends AbstractDescribableImpl<UpstreamSource> {
    private final String packageName;
    private final String url;
    private String credentialsId;
    private String tagTemplate;

    /**
     * Creates the entry.
     *
     * @param packageName the package whose commits it holds, as the package manager names it
     * @param url the git URL
     */
    @DataBoundConstructor
    public UpstreamSource(String packageName, String url) {
        this.packageName = Util.fixNull(packageName).trim();
        this.url = Util.fixNull(url).trim();
    }

    /** Returns the package name. */
    public String getPackageName() {
        return packageName;
    }

    /** Returns the git URL. */
    public String getUrl() {
        return url;
    }

    /** Returns the credentials id, or null for none. */
    @CheckForNull
    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * Names the username/password credentials that read the repository.
     *
     * @param credentialsId a credentials id, or empty for none
     */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** Returns the tag template, or null for none. */
    @CheckForNull
    public String getTagTemplate() {
        return tagTemplate;
    }

    /**
     * Sets the tag of an upstream version, {@code %{version}} replaced by a build's version.
     *
     * @param tagTemplate for example {@code v%{version}}; empty for none
     */
    @DataBoundSetter
    public void setTagTemplate(String tagTemplate) {
        this.tagTemplate = Util.fixEmptyAndTrim(tagTemplate);
    }

    /** Validates the fields and lists the credentials of an upstream source in the global configuration. */
    @Extension
    public static class DescriptorImpl extends Descriptor<UpstreamSource> {
        @NonNull
        @Override
        public String getDisplayName() {
            return "Upstream source";
        }

        /**
         * Checks the package name with the engine's rule.
         *
         * @param value the name as typed
         * @return the validation result
         */
        @POST
        public FormValidation doCheckPackageName(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(FieldChecks.upstreamPackage(value));
        }

        /**
         * Checks the git URL with the engine's rule.
         *
         * @param value the URL as typed
         * @return the validation result
         */
        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(FieldChecks.upstreamUrl(value,
                    VirtRegressConfiguration.get().isAllowFileRepositories()));
        }

        /**
         * Checks the tag template with the engine's rule.
         *
         * @param value the template as typed
         * @return the validation result
         */
        @POST
        public FormValidation doCheckTagTemplate(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return FormChecks.toValidation(FieldChecks.tagTemplate(value));
        }

        /**
         * Lists the username/password credentials jobs may use.
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
