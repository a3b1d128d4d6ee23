package io.jenkins.plugins.virtregress.steps.hunt;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Project;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.GuestTestsAction;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The freestyle post-build action "Hunt the regression when guest tests fail": when a guest suite
 * of the build failed, it hunts the culprit with the job's own install and suite build steps, the
 * same way the Pipeline step {@code huntRegression} does.
 */
public class HuntRegressionRecorder extends Recorder implements SimpleBuildStep {
    private int probes = 1;
    private int confirm = 3;
    private String commitProbe = "";
    private String label;

    /** Creates the action with one probe at a time and three confirmation runs. */
    @DataBoundConstructor
    public HuntRegressionRecorder() {
    }

    /** Returns how many probes run at once. */
    public int getProbes() {
        return probes;
    }

    /**
     * Sets how many probes run at once; more than one needs an install root with {@code {n}}.
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
     * @param label a label expression such as {@code virt-host}; empty for the label the job is restricted to
     */
    @DataBoundSetter
    public void setLabel(String label) {
        this.label = Util.fixEmptyAndTrim(label);
    }

    /**
     * Fills the fields an older configuration leaves out.
     *
     * @return this action
     */
    protected Object readResolve() {
        commitProbe = Util.fixNull(commitProbe);
        return this;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        Optional<GuestTestsAction> failed = run.getActions(GuestTestsAction.class).stream()
                .filter(a -> !"PASSED".equals(a.getStatus())).reduce((first, second) -> second);
        if (failed.isEmpty()) {
            listener.getLogger().println("huntRegression: no guest suite failed; nothing to hunt.");
            return;
        }
        HuntBounds.check(HuntBounds.probes(probes).or(() -> HuntBounds.confirm(confirm)));
        HuntRegression.run(run, workspace, env, listener, settings(run, env, failed.get().getSuite()),
                label == null ? null : env.expand(label));
    }

    /** Takes the install and suite settings from the job's own build steps. */
    private HuntSettings settings(Run<?, ?> run, EnvVars env, String suite) throws AbortException {
        if (!(run.getParent() instanceof Project<?, ?> project)) {
            throw new AbortException("huntRegression: job " + run.getParent().getFullName() + " has no build steps to"
                    + " re-run; use the Pipeline step huntRegression with its install and suite settings.");
        }
        List<Builder> builders = project.getBuilders();
        GuestTestsBuilder tests = builders.stream().filter(GuestTestsBuilder.class::isInstance)
                .map(GuestTestsBuilder.class::cast).filter(b -> suite.equals(b.getName())).reduce((a, b) -> b)
                .orElseThrow(() -> new AbortException("huntRegression: job " + project.getFullName()
                        + " has no guest tests step named " + suite));
        InstallPackagesBuilder install = builders.stream().filter(InstallPackagesBuilder.class::isInstance)
                .map(InstallPackagesBuilder.class::cast).reduce((a, b) -> b)
                .orElseThrow(() -> new AbortException("huntRegression: job " + project.getFullName()
                        + " has no install packages step: the hunt re-runs its install settings."));
        String manager = install.getManager() == null ? VirtRegressConfiguration.get().getDefaultPackageManager()
                : install.getManager();
        return new HuntSettings(suite, Arrays.asList(Util.tokenize(env.expand(tests.getCommand()))),
                tests.getFormat(), tests.getResults() == null ? null : env.expand(tests.getResults()),
                tests.getTimeoutMinutes(), manager, install.getRoot() == null ? null : env.expand(install.getRoot()),
                env.expand(install.getRepositories()), install.isGpgCheck(),
                install.getTimeoutMinutes(), probes, confirm, Arrays.asList(Util.tokenize(env.expand(commitProbe))));
    }

    /** Describes the action and checks its form fields. */
    @Extension
    public static class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        /** The fields the action shares with the {@code huntRegression} step, whose help is kept there. */
        static final List<String> SHARED_HELP = List.of("commitProbe", "confirm", "label", "probes");

        /** Points the shared fields' help at the step's. */
        public DescriptorImpl() {
            for (String field : SHARED_HELP) {
                addHelpFileRedirect(field, HuntRegressionStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Hunt the regression when guest tests fail";
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
