package io.jenkins.plugins.virtregress.steps.bisect;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.FormChecks;
import io.jenkins.plugins.virtregress.config.JobPermissions;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.model.ProbeLogs;
import io.jenkins.plugins.virtregress.model.ReportAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.bisect.Outcome;
import org.virtregress.storage.Json;

/**
 * Finds the commit that broke a test: bisects a git repository in the workspace between good and
 * bad revisions, running a command in a worktree of each candidate (exit code 0 good, 125 skip,
 * 1–127 bad), confirms the culprit, and puts the report on the build page. A bisection that ends
 * without a confirmed culprit marks the build unstable. The freestyle step; in Pipeline,
 * {@code bisectRegression(…)} without a body runs this same code.
 */
public class BisectRegressionBuilder extends Builder implements SimpleBuildStep {
    /** How long one probe may run when the job does not say. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;

    private String good;
    private String bad;
    private String command;
    private String repository = ".";
    private String paths = "";
    private boolean firstParent;
    private int probes = 1;
    private int repeat = 1;
    private String confirm = "";
    private boolean flaky;
    private Double confidence;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;

    /**
     * Creates the step.
     *
     * @param good good revisions separated by spaces or commas
     * @param bad the bad revision
     * @param command the test run in each candidate's worktree, split at spaces (quotes group); no shell
     */
    @DataBoundConstructor
    public BisectRegressionBuilder(String good, String bad, String command) {
        this.good = Util.fixNull(good).trim();
        this.bad = Util.fixNull(bad).trim();
        this.command = Util.fixNull(command).trim();
    }

    /** Returns the good. */
    public String getGood() {
        return good;
    }

    /** Returns the bad. */
    public String getBad() {
        return bad;
    }

    /** Returns the command. */
    public String getCommand() {
        return command;
    }

    /** Returns the repository. */
    public String getRepository() {
        return repository;
    }

    /**
     * Sets the git repository.
     *
     * @param repository a directory relative to the workspace, or absolute
     */
    @DataBoundSetter
    public void setRepository(String repository) {
        String value = Util.fixEmptyAndTrim(repository);
        this.repository = value == null ? "." : value;
    }

    /** Returns the paths. */
    public String getPaths() {
        return paths;
    }

    /**
     * Limits the candidates to commits touching these paths.
     *
     * @param paths paths separated by spaces or commas
     */
    @DataBoundSetter
    public void setPaths(String paths) {
        this.paths = Util.fixNull(paths).trim();
    }

    /** Tells whether only the first parent of merges is followed. */
    public boolean isFirstParent() {
        return firstParent;
    }

    /**
     * Follows only the first parent of merges.
     *
     * @param firstParent true to bisect over the first-parent chain
     */
    @DataBoundSetter
    public void setFirstParent(boolean firstParent) {
        this.firstParent = firstParent;
    }

    /** Returns the probes. */
    public int getProbes() {
        return probes;
    }

    /**
     * Sets how many candidates are tested at once, each in its own worktree.
     *
     * @param probes 1 to 32
     */
    @DataBoundSetter
    public void setProbes(int probes) {
        this.probes = probes;
    }

    /** Returns the repeat. */
    public int getRepeat() {
        return repeat;
    }

    /**
     * Sets how many times a probe may run to settle a flaky verdict.
     *
     * @param repeat 1 to 20
     */
    @DataBoundSetter
    public void setRepeat(int repeat) {
        this.repeat = repeat;
    }

    /** Tells whether the flaky-aware search runs from the start. */
    public boolean isFlaky() {
        return flaky;
    }

    /**
     * Searches for an intermittent failure from the start: a posterior over the culprit, each run
     * chosen to learn the most, until the culprit holds the confidence.
     *
     * @param flaky true for the flaky-aware search
     */
    @DataBoundSetter
    public void setFlaky(boolean flaky) {
        this.flaky = flaky;
    }

    /** Returns the confidence; the engine's default when none was set (also for jobs saved before it existed). */
    public double getConfidence() {
        return confidence == null ? FlakyBisector.DEFAULT_CONFIDENCE : confidence;
    }

    /**
     * Sets the posterior the flaky-aware search must reach.
     *
     * @param confidence above 0.5 and below 1
     */
    @DataBoundSetter
    public void setConfidence(double confidence) {
        this.confidence = confidence;
    }

    /** Returns the confirm. */
    public String getConfirm() {
        return confirm;
    }

    /**
     * Sets how many times the culprit and its parent are rerun at the end.
     *
     * @param confirm 0 to 20, or empty for the global default
     */
    @DataBoundSetter
    public void setConfirm(String confirm) {
        this.confirm = Util.fixNull(confirm).trim();
    }

    /** Returns the timeout minutes. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /**
     * Sets how long one run of the command may take; a run that takes longer skips its candidate.
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
        good = Util.fixNull(good);
        bad = Util.fixNull(bad);
        command = Util.fixNull(command);
        repository = Util.fixEmptyAndTrim(repository) == null ? "." : repository;
        paths = Util.fixNull(paths);
        confirm = Util.fixNull(confirm);
        probes = Math.max(1, probes);
        repeat = Math.max(1, repeat);
        timeoutMinutes = timeoutMinutes < 1 ? DEFAULT_TIMEOUT_MINUTES : timeoutMinutes;
        return this;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        performAndRecord(run, workspace, env, listener);
    }

    /**
     * Bisects, records the report and sets the build's result from the outcome.
     *
     * @param run the build
     * @param workspace the workspace holding the repository
     * @param env the build's environment
     * @param listener the console
     * @return the action recorded for this bisection (not another one of the same build)
     * @throws IOException if the bisection cannot run, or stopped before its end
     * @throws InterruptedException if interrupted
     */
    BisectReportAction performAndRecord(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        BisectReportAction action = bisect(run, workspace, env, listener);
        if (Outcome.valueOf(action.getOutcome()) == Outcome.ABORTED) {
            throw new AbortException("The bisection stopped: " + action.getReason());
        }
        if (Outcome.valueOf(action.getOutcome()) != Outcome.COMPLETE) {
            run.setResult(Result.UNSTABLE);
        }
        return action;
    }

    /**
     * Bisects and records the report on the build.
     *
     * @param run the build
     * @param workspace the workspace holding the repository
     * @param env the build's environment, expanded into the fields
     * @param listener the console
     * @return the recorded action
     * @throws IOException if the bisection cannot run
     * @throws InterruptedException if interrupted
     */
    BisectReportAction bisect(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener)
            throws IOException, InterruptedException {
        BisectSettings settings = settings(env::expand);
        settings.check();
        List<String> argv = Arrays.asList(Util.tokenize(env.expand(command)));
        if (argv.isEmpty()) {
            throw new AbortException("bisectRegression: the probe command is empty.");
        }
        BisectOutcome outcome = Json.mapper().readValue(
                workspace.act(new BisectCallable(settings, argv, timeoutMinutes, listener)), BisectOutcome.class);
        synchronized (run) {
            String id = ReportAction.nextId(run, "virt-regress-bisect");
            Path logs = ReportAction.logDirectory(run, id);
            FilePath agentLogs = workspace.child(outcome.logs());
            if (agentLogs.isDirectory()) {
                Files.createDirectories(logs);
                agentLogs.copyRecursiveTo(new FilePath(logs.toFile()));
            }
            return BisectRecorder.record(run, id, settings, outcome.result(), outcome.subjects(), outcome.remaining(),
                    reference -> ProbeLogs.link(logs, reference), outcome.replayed(), listener);
        }
    }

    /**
     * Turns the fields into the settings of one bisection: the one place where the freestyle step and
     * the Pipeline steps read them.
     *
     * @param expand expands the build's variables in a text field, or leaves it as it is
     * @return the settings, the global default filling an absent confirmation count
     * @throws AbortException if the confirmation count is not a whole number
     */
    BisectSettings settings(UnaryOperator<String> expand) throws AbortException {
        int confirmations;
        String value = expand.apply(confirm);
        if (value.isEmpty()) {
            confirmations = VirtRegressConfiguration.get().getDefaultConfirmations();
        } else {
            try {
                confirmations = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new AbortException("confirm must be a whole number, not " + value);
            }
        }
        return new BisectSettings(expand.apply(repository), FieldChecks.split(expand.apply(good)), expand.apply(bad),
                FieldChecks.split(expand.apply(paths)), firstParent, probes, repeat, confirmations, flaky,
                getConfidence());
    }

    /** Describes the step and checks its form fields. */
    @Extension
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        /**
         * The fields whose help is kept once, under {@link BisectStepSettings}: every field of this
         * builder, which {@link BisectCommandStep} takes too.
         */
        static final List<String> SHARED_HELP = List.of("bad", "command", "confidence", "confirm", "firstParent",
                "flaky", "good", "paths", "probes", "repeat", "repository", "timeoutMinutes");

        /**
         * Points the fields' help at the command step's, which finds it under its superclass
         * {@link BisectStepSettings}: a redirect needs a class that has a descriptor.
         */
        public DescriptorImpl() {
            for (String field : SHARED_HELP) {
                addHelpFileRedirect(field, BisectCommandStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Bisect a regression (virt-regress)";
        }

        /**
         * Checks the good revisions.
         *
         * @param value the revisions as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckGood(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            return FormChecks.toValidation(FieldChecks.revisions(value, "good revision"));
        }

        /**
         * Checks the bad revision.
         *
         * @param value the revision as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckBad(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            if (FieldChecks.split(value).size() > 1) {
                return FormValidation.error("Give one bad revision.");
            }
            return FormChecks.toValidation(FieldChecks.revisions(value, "bad revision"));
        }

        /**
         * Checks the command.
         *
         * @param value the command as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckCommand(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            return Util.fixEmptyAndTrim(value) == null ? FormValidation.error("A command is required.")
                    : FormValidation.ok();
        }

        /**
         * Checks the number of probes at once.
         *
         * @param value the number as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckProbes(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            return FormChecks.toValidation(FieldChecks.number(value, 1, 32, "number of probes"));
        }

        /**
         * Checks the number of repeats.
         *
         * @param value the number as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckRepeat(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            return FormChecks.toValidation(FieldChecks.number(value, 1, 20, "number of repeats"));
        }

        /**
         * Checks the number of confirmation runs.
         *
         * @param value the number as typed, or empty for the global default
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckConfirm(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FieldChecks.number(value, 0, 20, "number of confirmation runs"));
        }
    }
}
