package io.jenkins.plugins.virtregress.steps.bisect;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serial;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.virtregress.storage.Json;

/**
 * Internal step of {@code bisectRegression { … }}: reads the range from the git repository in the
 * workspace, saves it in the build directory and starts the engine. Returns the bisection's id.
 */
public class BisectStartStep extends BisectStepSettings {
    /**
     * Creates the step.
     *
     * @param good the good revisions
     * @param bad the bad revision
     */
    @DataBoundConstructor
    public BisectStartStep(String good, String bad) {
        super(good, bad, "");
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, settings());
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<String> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final BisectSettings settings;

        Execution(StepContext context, BisectSettings settings) {
            super(context);
            this.settings = settings;
        }

        @Override
        protected String run() throws Exception {
            settings.check();
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            FilePath workspace = getContext().get(FilePath.class);
            RangeSnapshot range = Json.mapper().readValue(workspace.act(new RangeCallable(settings)),
                    RangeSnapshot.class);
            listener.getLogger().println("Bisecting " + range.candidates().size() + " candidates of "
                    + settings.describe() + " with " + settings.probes() + " probe(s) at once");
            return DistributedBisection.startNew(run, settings, range).id();
        }
    }

    /** Describes the internal step. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        @Override
        public String getFunctionName() {
            return "virtRegressBisectStart";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Start a bisection whose probes are Pipeline bodies (internal)";
        }

        @Override
        public boolean isAdvanced() {
            return true;
        }
    }
}
