package io.jenkins.plugins.virtregress.steps.bisect;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.Serial;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Internal step of {@code bisectRegression { … }}: waits, without holding a thread, until the
 * engine asks for the next round of probes or has finished. Resumes the engine from the build
 * directory when the controller restarted.
 */
public class BisectWaitStep extends Step {
    private final String id;

    /**
     * Creates the step.
     *
     * @param id the bisection's id
     */
    @DataBoundConstructor
    public BisectWaitStep(String id) {
        this.id = id;
    }

    /** Returns the id. */
    public String getId() {
        return id;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, id);
    }

    private static final class Execution extends StepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String id;

        Execution(StepContext context, String id) {
            super(context);
            this.id = id;
        }

        @Override
        public boolean start() throws Exception {
            await();
            return false;
        }

        @Override
        public void onResume() {
            try {
                await();
            } catch (Exception e) {
                getContext().onFailure(e);
            }
        }

        private void await() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            DistributedBisection.of(run, id).nextRound(listener).whenComplete((Map<String, Object> round, Throwable e) -> {
                if (e == null) {
                    getContext().onSuccess(round);
                } else {
                    getContext().onFailure(e);
                }
            });
        }

        @Override
        public void stop(@NonNull Throwable cause) throws Exception {
            try {
                Run<?, ?> run = getContext().get(Run.class);
                DistributedBisection.of(run, id).abort("the build was stopped: " + cause);
            } finally {
                // the step ends with the abort even when the bisection cannot be found
                super.stop(cause);
            }
        }
    }

    /** Describes the internal step. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "virtRegressBisectWait";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Wait for the next round of bisection probes (internal)";
        }

        @Override
        public boolean isAdvanced() {
            return true;
        }
    }
}
