package io.jenkins.plugins.virtregress.steps.install;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.FormChecks;
import io.jenkins.plugins.virtregress.config.JobPermissions;
import io.jenkins.plugins.virtregress.config.PackageManagers;
import io.jenkins.plugins.virtregress.config.RepositoryChecks;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import io.jenkins.plugins.virtregress.config.RepositoryTargets;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.InstalledPackagesAction;
import io.jenkins.plugins.virtregress.model.NewBuildsOfRun;
import io.jenkins.plugins.virtregress.model.ReportAction;
import io.jenkins.plugins.virtregress.model.ReportSections;
import io.jenkins.plugins.virtregress.model.ResultFile;
import io.jenkins.plugins.virtregress.model.VersionChanges;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.virtregress.install.InstallResult;
import org.virtregress.report.InstallRecord;
import org.virtregress.report.RegressionReport;
import org.virtregress.storage.Json;

/**
 * Installs exact package versions on the agent (zypper, dnf or apt), verified from the package
 * database and rolled back on failure, and records the versions before and after on the build.
 * The same class is the freestyle build step and the Pipeline step {@code installPackages}.
 */
public class InstallPackagesBuilder extends Builder implements SimpleBuildStep {
    /** How long an install may take when the job does not say. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 30;

    private String packages;
    private String manager;
    private String repositories = "";
    private String remove = "";
    private String root;
    private Boolean gpgCheck = Boolean.TRUE;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;

    /**
     * Creates the step.
     *
     * @param packages {@code NAME} or {@code NAME=VERSION} entries separated by spaces, commas or new
     *     lines; environment variables such as {@code ${VIRT_REGRESS_VERSION_QEMU}} are expanded
     */
    @DataBoundConstructor
    public InstallPackagesBuilder(String packages) {
        this.packages = Util.fixNull(packages).trim();
    }

    /** Returns the packages. */
    public String getPackages() {
        return packages;
    }

    /** Returns the manager. */
    public String getManager() {
        return manager;
    }

    /**
     * Chooses the package manager.
     *
     * @param manager {@code zypper}, {@code dnf} or {@code apt}; empty for the global default
     */
    @DataBoundSetter
    public void setManager(String manager) {
        this.manager = Util.fixEmptyAndTrim(manager);
    }

    /** Returns the repositories. */
    public String getRepositories() {
        return repositories;
    }

    /**
     * Sets the repositories to install from.
     *
     * @param repositories names from the global configuration or URLs; empty for the host's own
     */
    @DataBoundSetter
    public void setRepositories(String repositories) {
        this.repositories = Util.fixNull(repositories).trim();
    }

    /** Returns the remove. */
    public String getRemove() {
        return remove;
    }

    /**
     * Sets the packages to remove in the same transaction.
     *
     * @param remove package names
     */
    @DataBoundSetter
    public void setRemove(String remove) {
        this.remove = Util.fixNull(remove).trim();
    }

    /** Returns the root. */
    public String getRoot() {
        return root;
    }

    /**
     * Sets an install root, so that the host's own system is left alone.
     *
     * @param root a directory, absolute or relative to the workspace; empty for the host itself
     */
    @DataBoundSetter
    public void setRoot(String root) {
        this.root = Util.fixEmptyAndTrim(root);
    }

    /** Tells whether package signatures are checked. */
    public boolean isGpgCheck() {
        return gpgCheck == null || gpgCheck;
    }

    /**
     * Turns signature checking on or off; off only for unsigned test repositories.
     *
     * @param gpgCheck whether package signatures are checked
     */
    @DataBoundSetter
    public void setGpgCheck(boolean gpgCheck) {
        this.gpgCheck = Boolean.valueOf(gpgCheck);
    }

    /** Returns the timeout minutes. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /**
     * Sets how long the install may take.
     *
     * @param timeoutMinutes minutes, at least 1
     */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = Math.max(1, timeoutMinutes);
    }

    /**
     * Fills the defaults of fields that an older or hand-written job configuration leaves out.
     *
     * @return this step
     */
    protected Object readResolve() {
        packages = Util.fixNull(packages);
        repositories = Util.fixNull(repositories);
        remove = Util.fixNull(remove);
        if (gpgCheck == null) {
            gpgCheck = Boolean.TRUE; // a configuration without the field never skips signature checks
        }
        timeoutMinutes = timeoutMinutes < 1 ? DEFAULT_TIMEOUT_MINUTES : timeoutMinutes;
        return this;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        String expanded = env.expand(packages);
        check(FieldChecks.packageRequests(expanded, removals(env).isEmpty()));
        String chosen = manager == null ? VirtRegressConfiguration.get().getDefaultPackageManager() : manager;
        InstallCallable install = new InstallCallable(chosen, FieldChecks.split(expanded), removals(env),
                installRepositories(env.expand(repositories), run), root == null ? null : env.expand(root),
                isGpgCheck(), timeoutMinutes, listener);
        InstallResult result = Json.mapper().readValue(workspace.act(install), InstallResult.class);

        String id = ReportAction.nextId(run, "virt-regress-install");
        RegressionReport report = RegressionReport.builder("Install on " + run.getFullDisplayName(), Instant.now())
                .job(run.getParent().getFullName(), run.getId())
                .newBuilds(ReportSections.newBuilds(NewBuildsOfRun.of(run)))
                .install(InstallRecord.from(result))
                .build();
        ResultFile.write(run.getRootDir().toPath(), id, report);
        Map<String, String> changes = VersionChanges.between(result.before(), result.after());
        run.addAction(new InstalledPackagesAction(id, result.manager(), result.success(), result.rolledBack(), changes));
        changes.forEach((name, change) -> listener.getLogger().println("  " + name + ": " + change));
        if (!result.success()) {
            throw new AbortException("Install failed" + (result.rolledBack() ? " and was rolled back" : "") + ": "
                    + Util.fixNull(result.error()));
        }
        listener.getLogger().println("Installed and verified " + result.requested().size() + " package(s).");
    }

    private List<String> removals(EnvVars env) throws AbortException {
        List<String> names = FieldChecks.split(env.expand(remove));
        for (String name : names) {
            if (name.contains("=")) {
                throw new AbortException("Remove " + name + ": give a package name without a version.");
            }
        }
        check(FieldChecks.packageRequests(String.join(" ", names), false));
        return names;
    }

    /**
     * Resolves the repositories of an install: configured names bring their URL and credentials
     * (looked up with the build's authentication), URLs are used as given; {@code file:} URLs only
     * when the global configuration allows them. The regression hunt's probes resolve theirs here
     * too, so that they install from what the build's install did.
     *
     * @param value names and URLs separated by spaces, commas or new lines; empty for none
     * @param run the build that installs
     * @return the repositories as the installer takes them, with their credentials
     * @throws AbortException naming a repository that is unknown, not allowed, or whose credentials
     *     the build's authentication cannot see
     */
    public static List<RepositoryTarget> installRepositories(String value, Run<?, ?> run) throws AbortException {
        List<RepositoryTarget> targets = new ArrayList<>();
        if (FieldChecks.split(value).isEmpty()) {
            return targets;
        }
        for (RepositoryTarget target : RepositoryTargets.resolve(value, run.getParent(), run)) {
            String url = target.spec().startsWith("deb:") ? target.spec().substring("deb:".length()) : target.spec();
            targets.add(new RepositoryTarget(url, target.name(), target.credentials()));
        }
        return targets;
    }

    private static void check(Optional<String> problem) throws AbortException {
        if (problem.isPresent()) {
            throw new AbortException(problem.get());
        }
    }

    /** Describes the step and checks its form fields. */
    @Extension
    @Symbol("installPackages")
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Install packages (virt-regress)";
        }

        /**
         * Lists the package managers, the global default first.
         *
         * @param item the job being configured
         * @return the choices
         */
        @POST
        public ListBoxModel doFillManagerItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            JobPermissions.check(item);
            model.add("Global default", "");
            PackageManagers.ALL.forEach(model::add);
            return model;
        }

        /**
         * Checks the packages to install.
         *
         * @param value the entries as typed
         * @param remove the packages to remove (an install may only remove)
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckPackages(@QueryParameter String value, @QueryParameter String remove,
                @AncestorInPath Item item) {
            JobPermissions.check(item);
            return FormChecks.toValidation(FieldChecks.packageRequests(value, Util.fixEmptyAndTrim(remove) == null));
        }

        /**
         * Checks the packages to remove.
         *
         * @param value the names as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckRemove(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            if (value != null && value.contains("=")) {
                return FormValidation.error("Give package names without versions.");
            }
            return FormChecks.toValidation(FieldChecks.packageRequests(value, false));
        }

        /**
         * Checks the repositories.
         *
         * @param value names or URLs as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckRepositories(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            return RepositoryChecks.check(value);
        }

        /**
         * Checks the timeout.
         *
         * @param value minutes as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckTimeoutMinutes(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            return FormChecks.toValidation(FieldChecks.number(value, 1, 24 * 60, "timeout in minutes"));
        }
    }
}
