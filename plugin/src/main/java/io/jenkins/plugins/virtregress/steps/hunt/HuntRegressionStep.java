package io.jenkins.plugins.virtregress.steps.hunt;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.virtregress.config.PackageManagers;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import java.io.Serial;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.virtregress.suite.ResultFormat;

/**
 * Pipeline step {@code huntRegression}: hunts the culprit package, build and commit of the build's
 * failed guest suite, with no good or bad from the user (see {@link HuntRegression}). A Pipeline
 * keeps no build step settings, so the step takes the suite command and install settings the
 * build's own {@code guestTests} and {@code installPackages} used. Returns the verdict line that
 * also lands in the build description.
 */
public class HuntRegressionStep extends Step {
    private final String command;
    private String suite;
    private String format = "tap";
    private String results;
    private int timeoutMinutes = 30;
    private String manager;
    private String root;
    private String repositories = "";
    private boolean gpgCheck = true;
    private int installTimeoutMinutes = 30;
    private int probes = 1;
    private int confirm = 3;
    private String commitProbe = "";
    private String label;

    /**
     * Creates the step.
     *
     * @param command the suite command, as {@code guestTests} ran it
     */
    @DataBoundConstructor
    public HuntRegressionStep(String command) {
        this.command = Util.fixNull(command).trim();
    }

    /** Returns the suite command. */
    public String getCommand() {
        return command;
    }

    /** Returns the suite name. */
    public String getSuite() {
        return suite;
    }

    /**
     * Names the suite to hunt.
     *
     * @param suite the name {@code guestTests} gave it; empty for the build's newest failed suite
     */
    @DataBoundSetter
    public void setSuite(String suite) {
        this.suite = Util.fixEmptyAndTrim(suite);
    }

    /** Returns the results format. */
    public String getFormat() {
        return format;
    }

    /**
     * Sets the results format.
     *
     * @param format {@code tap}, {@code junit} or {@code avocado}
     */
    @DataBoundSetter
    public void setFormat(String format) {
        this.format = Util.fixEmptyAndTrim(format) == null ? "tap" : format.trim();
    }

    /** Returns the results files. */
    public String getResults() {
        return results;
    }

    /**
     * Sets the results files the suite writes.
     *
     * @param results a path or glob relative to the probe's directory; empty for TAP on standard output
     */
    @DataBoundSetter
    public void setResults(String results) {
        this.results = Util.fixEmptyAndTrim(results);
    }

    /** Returns the suite timeout. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /**
     * Sets how long one suite run may take.
     *
     * @param timeoutMinutes minutes, at least 1
     */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = Math.max(1, timeoutMinutes);
    }

    /** Returns the package manager. */
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

    /** Returns the install root. */
    public String getRoot() {
        return root;
    }

    /**
     * Sets the install root of the probes.
     *
     * @param root relative to the workspace or absolute, {@code {n}} for one per probe; empty for the agent itself
     */
    @DataBoundSetter
    public void setRoot(String root) {
        this.root = Util.fixEmptyAndTrim(root);
    }

    /** Returns the further repositories. */
    public String getRepositories() {
        return repositories;
    }

    /**
     * Sets further repositories for dependencies that the archive does not hold, as the build's
     * {@code installPackages} names them.
     *
     * @param repositories names of repositories of the global configuration (with their credentials) or URLs
     */
    @DataBoundSetter
    public void setRepositories(String repositories) {
        this.repositories = Util.fixNull(repositories).trim();
    }

    /** Tells whether package signatures are checked. */
    public boolean isGpgCheck() {
        return gpgCheck;
    }

    /**
     * Turns signature checking on or off; off only for unsigned test repositories.
     *
     * @param gpgCheck whether package signatures are checked
     */
    @DataBoundSetter
    public void setGpgCheck(boolean gpgCheck) {
        this.gpgCheck = gpgCheck;
    }

    /** Returns the install timeout. */
    public int getInstallTimeoutMinutes() {
        return installTimeoutMinutes;
    }

    /**
     * Sets how long one install may take.
     *
     * @param installTimeoutMinutes minutes, at least 1
     */
    @DataBoundSetter
    public void setInstallTimeoutMinutes(int installTimeoutMinutes) {
        this.installTimeoutMinutes = Math.max(1, installTimeoutMinutes);
    }

    /** Returns how many probes run at once. */
    public int getProbes() {
        return probes;
    }

    /**
     * Sets how many probes run at once; more than one needs a root with {@code {n}}.
     *
     * @param probes 1 to 32
     */
    @DataBoundSetter
    public void setProbes(int probes) {
        this.probes = probes;
    }

    /** Returns how many confirmation runs the culprit and its parent get. */
    public int getConfirm() {
        return confirm;
    }

    /**
     * Sets how many confirmation runs the culprit and its parent get at each level.
     *
     * @param confirm 0 to 20
     */
    @DataBoundSetter
    public void setConfirm(int confirm) {
        this.confirm = confirm;
    }

    /** Returns the commit probe. */
    public String getCommitProbe() {
        return commitProbe;
    }

    /**
     * Sets the command that tests one upstream commit, for the hunt's commit level.
     *
     * @param commitProbe words separated by spaces; empty to end the hunt at the culprit build
     */
    @DataBoundSetter
    public void setCommitProbe(String commitProbe) {
        this.commitProbe = Util.fixNull(commitProbe).trim();
    }

    /** Returns the label the probes spread over. */
    public String getLabel() {
        return label;
    }

    /**
     * Spreads the probes of the first two levels over the nodes of a label.
     *
     * @param label a label expression such as {@code virt-host}; empty for the build's node only
     */
    @DataBoundSetter
    public void setLabel(String label) {
        this.label = Util.fixEmptyAndTrim(label);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    private HuntSettings settings(EnvVars env) throws AbortException {
        HuntBounds.check(HuntBounds.probes(probes).or(() -> HuntBounds.confirm(confirm)));
        List<String> argv = Arrays.asList(Util.tokenize(env.expand(command)));
        if (argv.isEmpty()) {
            throw new AbortException("huntRegression: the suite command is empty.");
        }
        try {
            ResultFormat.fromName(format);
        } catch (IllegalArgumentException e) {
            throw new AbortException("huntRegression: format " + format + ": " + e.getMessage());
        }
        String chosen = manager == null ? VirtRegressConfiguration.get().getDefaultPackageManager() : manager;
        return new HuntSettings(suite, argv, format, results == null ? null : env.expand(results), timeoutMinutes,
                chosen, root == null ? null : env.expand(root), env.expand(repositories),
                gpgCheck, installTimeoutMinutes, probes, confirm,
                Arrays.asList(Util.tokenize(env.expand(commitProbe))));
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<String> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient HuntRegressionStep step;

        Execution(StepContext context, HuntRegressionStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected String run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            FilePath workspace = getContext().get(FilePath.class);
            EnvVars env = getContext().get(EnvVars.class);
            TaskListener listener = getContext().get(TaskListener.class);
            return HuntRegression.run(run, workspace, env, listener, step.settings(env),
                    step.label == null ? null : env.expand(step.label)).line();
        }
    }

    /** Describes the step and checks its form fields. */
    @Extension
    @Symbol("huntRegression")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "huntRegression";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Hunt the regression of a failed guest suite (virt-regress)";
        }

        /**
         * Lists the package managers, the global default first.
         *
         * @param item the job being configured
         * @return the choices
         */
        @POST
        public ListBoxModel doFillManagerItems(@AncestorInPath Item item) {
            HuntForms.checkPermission(item);
            ListBoxModel model = new ListBoxModel();
            model.add("Global default", "");
            PackageManagers.ALL.forEach(model::add);
            return model;
        }

        /**
         * Checks the label expression.
         *
         * @param item the job being configured
         * @param value the expression as typed
         * @return the validation result
         */
        @POST
        public FormValidation doCheckLabel(@AncestorInPath Item item, @QueryParameter String value) {
            HuntForms.checkPermission(item);
            return HuntForms.label(value);
        }

        /**
         * Checks the probe count.
         *
         * @param value the count as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckProbes(@QueryParameter int value, @AncestorInPath Item item) {
            HuntForms.checkPermission(item);
            return HuntForms.validation(HuntBounds.probes(value));
        }

        /**
         * Checks the confirmation count.
         *
         * @param value the count as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckConfirm(@QueryParameter int value, @AncestorInPath Item item) {
            HuntForms.checkPermission(item);
            return HuntForms.validation(HuntBounds.confirm(value));
        }
    }
}
