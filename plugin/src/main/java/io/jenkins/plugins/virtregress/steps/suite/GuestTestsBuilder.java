package io.jenkins.plugins.virtregress.steps.suite;

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
import hudson.util.ListBoxModel;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.FormChecks;
import io.jenkins.plugins.virtregress.config.JobPermissions;
import io.jenkins.plugins.virtregress.model.FailurePolicy;
import io.jenkins.plugins.virtregress.model.GuestTestsAction;
import io.jenkins.plugins.virtregress.model.NewBuildsOfRun;
import io.jenkins.plugins.virtregress.model.ReportAction;
import io.jenkins.plugins.virtregress.model.ReportSections;
import io.jenkins.plugins.virtregress.model.ResultFile;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.SuiteReport;
import org.virtregress.suite.SuiteResult;
import org.virtregress.storage.Json;

/**
 * Runs a guest test suite on the agent (avocado, libvirt-tck, a TAP script, a guest boot test:
 * any command), reads its results (TAP, JUnit/xunit XML or avocado {@code results.json}), reruns
 * failed cases to tell flaky from broken, records the results on the build and writes them as
 * JUnit XML for the JUnit plugin. The same class is the freestyle build step and the Pipeline step
 * {@code guestTests}.
 */
public class GuestTestsBuilder extends Builder implements SimpleBuildStep {
    /** How long a suite may run when the job does not say. */
    public static final int DEFAULT_TIMEOUT_MINUTES = 60;

    private String command;
    private String name = "guest-tests";
    private String format = "tap";
    private String results;
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private String rerunCommand;
    private int rerunFailed;
    private String failurePolicy = FailurePolicy.UNSTABLE.name();
    private String junitFile;

    /**
     * Creates the step.
     *
     * @param command the suite's command, split into arguments at spaces (quotes group); no shell runs it
     */
    @DataBoundConstructor
    public GuestTestsBuilder(String command) {
        this.command = Util.fixNull(command).trim();
    }

    /** Returns the command. */
    public String getCommand() {
        return command;
    }

    /** Returns the name. */
    public String getName() {
        return name;
    }

    /**
     * Names the suite.
     *
     * @param name a short name, shown in the report and used as the JUnit suite name
     */
    @DataBoundSetter
    public void setName(String name) {
        String value = Util.fixEmptyAndTrim(name);
        this.name = value == null ? "guest-tests" : value;
    }

    /** Returns the format. */
    public String getFormat() {
        return format;
    }

    /**
     * Sets the result format.
     *
     * @param format {@code tap}, {@code junit} or {@code avocado}
     */
    @DataBoundSetter
    public void setFormat(String format) {
        String value = Util.fixEmptyAndTrim(format);
        this.format = value == null ? "tap" : value;
    }

    /** Returns the results. */
    public String getResults() {
        return results;
    }

    /**
     * Sets where the results are read from.
     *
     * @param results a path or glob relative to the workspace; empty for the command's standard output
     */
    @DataBoundSetter
    public void setResults(String results) {
        this.results = Util.fixEmptyAndTrim(results);
    }

    /** Returns the timeout minutes. */
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /**
     * Sets how long the suite may run before its whole process tree is killed.
     *
     * @param timeoutMinutes minutes, at least 1
     */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        this.timeoutMinutes = Math.max(1, timeoutMinutes);
    }

    /** Returns the rerun command. */
    public String getRerunCommand() {
        return rerunCommand;
    }

    /**
     * Sets the command that reruns one failed case.
     *
     * @param rerunCommand arguments where {@code {case}} stands for the case id and {@code {name}} for its name
     */
    @DataBoundSetter
    public void setRerunCommand(String rerunCommand) {
        this.rerunCommand = Util.fixEmptyAndTrim(rerunCommand);
    }

    /** Returns the rerun failed. */
    public int getRerunFailed() {
        return rerunFailed;
    }

    /**
     * Sets how many times a failed case is rerun; a case passing on a rerun is flaky.
     *
     * @param rerunFailed 0 to 10
     */
    @DataBoundSetter
    public void setRerunFailed(int rerunFailed) {
        this.rerunFailed = Math.max(0, Math.min(10, rerunFailed));
    }

    /** Returns the failure policy. */
    public String getFailurePolicy() {
        return failurePolicy;
    }

    /**
     * Sets what real test failures make of the build.
     *
     * @param failurePolicy {@code UNSTABLE}, {@code FAILURE} or {@code SUCCESS}
     */
    @DataBoundSetter
    public void setFailurePolicy(String failurePolicy) {
        this.failurePolicy = FailurePolicy.fromName(failurePolicy).name();
    }

    /** Returns the junit file. */
    public String getJunitFile() {
        return junitFile;
    }

    /**
     * Sets where the JUnit XML is written.
     *
     * @param junitFile a path relative to the workspace; empty for {@code virt-regress-results/<name>.xml}
     */
    @DataBoundSetter
    public void setJunitFile(String junitFile) {
        this.junitFile = Util.fixEmptyAndTrim(junitFile);
    }

    /**
     * Fills the defaults of fields that an older or hand-written job configuration leaves out.
     *
     * @return this step
     */
    protected Object readResolve() {
        command = Util.fixNull(command);
        name = Util.fixEmptyAndTrim(name) == null ? "guest-tests" : name;
        format = Util.fixEmptyAndTrim(format) == null ? "tap" : format;
        failurePolicy = Util.fixEmptyAndTrim(failurePolicy) == null ? FailurePolicy.UNSTABLE.name() : failurePolicy;
        timeoutMinutes = timeoutMinutes < 1 ? DEFAULT_TIMEOUT_MINUTES : timeoutMinutes;
        rerunFailed = Math.max(0, rerunFailed);
        return this;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        List<String> argv = arguments(env.expand(command));
        if (argv.isEmpty()) {
            throw new AbortException("guestTests: the suite command is empty.");
        }
        String junit = junitFile == null ? "virt-regress-results/" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".xml"
                : env.expand(junitFile);
        SuiteCallable suite = new SuiteCallable(name, argv, env, format,
                results == null ? null : env.expand(results), timeoutMinutes,
                rerunCommand == null ? List.of() : arguments(env.expand(rerunCommand)), rerunFailed, junit, listener);
        SuiteResult result = Json.mapper().readValue(workspace.act(suite), SuiteResult.class);

        String id = ReportAction.nextId(run, "virt-regress-tests");
        SuiteReport section = SuiteReport.from(result);
        RegressionReport report = RegressionReport.builder("Guest tests " + name + " of " + run.getFullDisplayName(),
                        Instant.now())
                .job(run.getParent().getFullName(), run.getId())
                .newBuilds(ReportSections.newBuilds(NewBuildsOfRun.of(run)))
                .suites(List.of(section))
                .build();
        ResultFile.write(run.getRootDir().toPath(), id, report);
        SuiteReport.Totals totals = section.totals();
        run.addAction(new GuestTestsAction(id, name, section.status().name(), totals.total(), totals.failed(),
                totals.flaky(), totals.skipped(), totals.errors()));
        listener.getLogger().println("Suite " + name + ": " + section.status() + ", " + totals.total() + " cases, "
                + totals.failed() + " failed, " + totals.flaky() + " flaky, " + totals.skipped() + " skipped, "
                + totals.errors() + " errors");

        Result outcome = Result.fromString(FailurePolicy.fromName(failurePolicy).resultFor(result));
        if (outcome == Result.FAILURE) {
            throw new AbortException("Suite " + name + (result.errorMessage() == null ? " has failures"
                    : " did not complete: " + result.errorMessage()));
        }
        if (outcome.isWorseThan(Result.SUCCESS)) {
            run.setResult(outcome);
        }
    }

    private static List<String> arguments(String line) {
        return Arrays.asList(Util.tokenize(line));
    }

    /** Describes the step and checks its form fields. */
    @Extension
    @Symbol("guestTests")
    public static class DescriptorImpl extends BuildStepDescriptor<Builder> {
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run guest tests (virt-regress)";
        }

        /**
         * Lists the result formats.
         *
         * @param item the job being configured
         * @return the choices
         */
        @POST
        public ListBoxModel doFillFormatItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            JobPermissions.check(item);
            model.add("TAP on standard output or in files", "tap");
            model.add("JUnit / xunit XML", "junit");
            model.add("avocado results.json", "avocado");
            return model;
        }

        /**
         * Lists the failure policies.
         *
         * @param item the job being configured
         * @return the choices
         */
        @POST
        public ListBoxModel doFillFailurePolicyItems(@AncestorInPath Item item) {
            ListBoxModel model = new ListBoxModel();
            JobPermissions.check(item);
            model.add("Mark the build unstable", FailurePolicy.UNSTABLE.name());
            model.add("Fail the build", FailurePolicy.FAILURE.name());
            model.add("Only report", FailurePolicy.SUCCESS.name());
            return model;
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

        /**
         * Checks the number of reruns.
         *
         * @param value the number as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckRerunFailed(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            return FormChecks.toValidation(FieldChecks.number(value, 0, 10, "number of reruns"));
        }
    }
}
