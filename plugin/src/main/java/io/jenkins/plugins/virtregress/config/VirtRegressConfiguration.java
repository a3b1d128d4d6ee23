package io.jenkins.plugins.virtregress.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The global configuration of virt-regress: the named package repositories jobs poll and install
 * from, the package manager used when a step names none, and how many times a culprit is
 * confirmed by default.
 */
@Extension
@Symbol("virtRegress")
public class VirtRegressConfiguration extends GlobalConfiguration {
    /** Confirmation runs each of the culprit and its parent get when a job does not say: osstest's three. */
    public static final int DEFAULT_CONFIRMATIONS = 3;

    private List<PackageRepository> repositories = new ArrayList<>();
    private String defaultPackageManager = PackageManagers.ZYPPER;
    private Integer defaultConfirmations = DEFAULT_CONFIRMATIONS;
    private boolean allowFileRepositories;
    private List<UpstreamSource> upstreamSources = new ArrayList<>();

    /** Loads the saved configuration, with the defaults of fields it leaves out. */
    public VirtRegressConfiguration() {
        load();
        fillDefaults();
    }

    private void fillDefaults() {
        if (repositories == null) {
            repositories = new ArrayList<>();
        }
        if (upstreamSources == null) {
            upstreamSources = new ArrayList<>();
        }
        if (Util.fixEmptyAndTrim(defaultPackageManager) == null) {
            defaultPackageManager = PackageManagers.ZYPPER;
        }
        if (defaultConfirmations == null) {
            defaultConfirmations = DEFAULT_CONFIRMATIONS;
        }
    }

    /**
     * Returns the configuration of this controller.
     *
     * @return the singleton
     */
    public static VirtRegressConfiguration get() {
        return GlobalConfiguration.all().getInstance(VirtRegressConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "virt-regress";
    }

    /**
     * Saves the submitted form. Fields the form leaves out are reset first: a form with no
     * repository left submits no {@code repositories} key at all, which means "none".
     *
     * @param req the request
     * @param json the submitted form
     * @return true
     * @throws FormException if the form cannot be bound
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        repositories = new ArrayList<>();
        upstreamSources = new ArrayList<>();
        allowFileRepositories = false;
        req.bindJSON(this, json);
        save();
        return true;
    }

    /** Tells whether repositories may be {@code file:} URLs. */
    public boolean isAllowFileRepositories() {
        return allowFileRepositories;
    }

    /**
     * Allows {@code file:} repository URLs. They read the disk of the node that polls or installs
     * (the controller's own, for polls without an agent), so only an administrator opens them.
     *
     * @param allowFileRepositories true to allow them
     */
    @DataBoundSetter
    public void setAllowFileRepositories(boolean allowFileRepositories) {
        this.allowFileRepositories = allowFileRepositories;
        save();
    }

    /** Returns the upstream git repositories of packages, for the hunt's commit level. */
    public List<UpstreamSource> getUpstreamSources() {
        return upstreamSources == null ? List.of() : List.copyOf(upstreamSources);
    }

    /**
     * Replaces the upstream sources.
     *
     * @param upstreamSources the sources, one per package
     */
    @DataBoundSetter
    public void setUpstreamSources(List<UpstreamSource> upstreamSources) {
        this.upstreamSources = upstreamSources == null ? new ArrayList<>() : new ArrayList<>(upstreamSources);
        save();
    }

    /**
     * Finds the upstream source of a package.
     *
     * @param packageName the package
     * @return its source, the first one configured for it
     */
    public Optional<UpstreamSource> findUpstreamSource(@CheckForNull String packageName) {
        return getUpstreamSources().stream().filter(u -> u.getPackageName().equals(packageName)).findFirst();
    }

    /** Returns the repositories. */
    public List<PackageRepository> getRepositories() {
        return repositories == null ? List.of() : List.copyOf(repositories);
    }

    /**
     * Replaces the named repositories.
     *
     * @param repositories the repositories
     */
    @DataBoundSetter
    public void setRepositories(List<PackageRepository> repositories) {
        this.repositories = repositories == null ? new ArrayList<>() : new ArrayList<>(repositories);
        save();
    }

    /**
     * Finds a repository by its name.
     *
     * @param name the name
     * @return the repository, if one has that name
     */
    public Optional<PackageRepository> findRepository(@CheckForNull String name) {
        return getRepositories().stream().filter(r -> r.getName().equals(name)).findFirst();
    }

    /** Returns the default package manager. */
    public String getDefaultPackageManager() {
        return defaultPackageManager;
    }

    /**
     * Sets the package manager used by install steps that name none.
     *
     * @param defaultPackageManager {@code zypper}, {@code dnf} or {@code apt}
     */
    @DataBoundSetter
    public void setDefaultPackageManager(String defaultPackageManager) {
        String value = Util.fixEmptyAndTrim(defaultPackageManager);
        this.defaultPackageManager = value == null ? PackageManagers.ZYPPER : value;
        save();
    }

    /** Returns the default confirmations. */
    public int getDefaultConfirmations() {
        return defaultConfirmations == null ? DEFAULT_CONFIRMATIONS : defaultConfirmations;
    }

    /**
     * Sets how many times the culprit and its parent are rerun to confirm a bisection.
     *
     * @param defaultConfirmations the number of confirmation runs, 0 to 20
     */
    @DataBoundSetter
    public void setDefaultConfirmations(int defaultConfirmations) {
        this.defaultConfirmations = Math.max(0, Math.min(20, defaultConfirmations));
        save();
    }

    /**
     * Lists the package managers.
     *
     * @return the choices
     */
    @POST
    public ListBoxModel doFillDefaultPackageManagerItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return PackageManagers.choices();
    }

    /**
     * Checks the number of confirmation runs.
     *
     * @param value the number as typed
     * @return the validation result
     */
    @POST
    public FormValidation doCheckDefaultConfirmations(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormChecks.toValidation(FieldChecks.number(value, 0, 20, "number of confirmation runs"));
    }
}
