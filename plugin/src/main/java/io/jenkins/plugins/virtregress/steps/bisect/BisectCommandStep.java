package io.jenkins.plugins.virtregress.steps.bisect;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serial;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Internal step behind {@code bisectRegression(…)} without a body: fills a
 * {@link BisectRegressionBuilder} and runs its code, so Pipeline and freestyle bisect the same way.
 * Returns the outcome as a map.
 */
public class BisectCommandStep extends BisectStepSettings {
    /**
     * Creates the step.
     *
     * @param good the good revisions
     * @param bad the bad revision
     * @param command the test run in each candidate's worktree
     */
    @DataBoundConstructor
    public BisectCommandStep(String good, String bad, String command) {
        super(good, bad, command);
    }

    /** Returns the test run in each candidate's worktree. */
    public String getCommand() {
        return fields().getCommand();
    }

    /** Returns how long one run of the command may take, in minutes. */
    public int getTimeoutMinutes() {
        return fields().getTimeoutMinutes();
    }

    /**
     * Sets how long one run of the command may take.
     *
     * @param timeoutMinutes minutes, at least 1
     */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        fields().setTimeoutMinutes(timeoutMinutes);
    }

    /**
     * Returns the freestyle builder filled with this step's fields.
     *
     * @return the builder
     */
    BisectRegressionBuilder toBuilder() {
        return fields();
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, toBuilder());
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient BisectRegressionBuilder builder;

        Execution(StepContext context, BisectRegressionBuilder builder) {
            super(context);
            this.builder = builder;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            FilePath workspace = getContext().get(FilePath.class);
            EnvVars env = getContext().get(EnvVars.class);
            TaskListener listener = getContext().get(TaskListener.class);
            // this bisection's own report, even when another branch of the build bisects at once
            return BisectRecorder.summary(builder.performAndRecord(run, workspace, env, listener));
        }
    }

    /** Describes the internal step. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, FilePath.class, EnvVars.class, Launcher.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "virtRegressBisectCommand";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Bisect with a command run in each candidate's worktree (internal)";
        }

        @Override
        public boolean isAdvanced() {
            return true;
        }
    }
}
