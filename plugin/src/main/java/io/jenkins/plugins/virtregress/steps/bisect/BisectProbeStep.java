package io.jenkins.plugins.virtregress.steps.bisect;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.virtregress.model.BodyVerdicts;
import java.io.Serial;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;

/**
 * Internal step of {@code bisectRegression { … }}: runs the user's body for one candidate, with
 * {@code VIRT_REGRESS_COMMIT} set, and delivers its verdict to the bisection (see
 * {@link BodyVerdicts} for the contract). Returns the verdict's name.
 */
public class BisectProbeStep extends Step {
    /** The variable holding the candidate commit inside the body. */
    public static final String COMMIT_VARIABLE = "VIRT_REGRESS_COMMIT";

    private final String id;
    private final String key;
    private final String commit;

    /**
     * Creates the step.
     *
     * @param id the bisection's id
     * @param key the request this probe answers
     * @param commit the candidate commit
     */
    @DataBoundConstructor
    public BisectProbeStep(String id, String key, String commit) {
        this.id = id;
        this.key = key;
        this.commit = commit;
    }

    /** Returns the id. */
    public String getId() {
        return id;
    }

    /** Returns the key. */
    public String getKey() {
        return key;
    }

    /** Returns the commit. */
    public String getCommit() {
        return commit;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, id, key, commit);
    }

    private static final class Execution extends StepExecution {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String id;
        private final String key;
        private final String commit;

        Execution(StepContext context, String id, String key, String commit) {
            super(context);
            this.id = id;
            this.key = key;
            this.commit = commit;
        }

        @Override
        public boolean start() throws Exception {
            getContext().newBodyInvoker()
                    .withContext(EnvironmentExpander.merge(getContext().get(EnvironmentExpander.class),
                            EnvironmentExpander.constant(Map.of(COMMIT_VARIABLE, commit))))
                    .withCallback(new Callback(id, key, commit, System.currentTimeMillis()))
                    .start();
            return false;
        }

        @Override
        public void onResume() {
            // the body resumes by itself and its callback delivers the verdict
        }
    }

    /** Turns the body's outcome into a verdict and hands it to the bisection. */
    private static final class Callback extends BodyExecutionCallback {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String id;
        private final String key;
        private final String commit;
        private final long started;

        Callback(String id, String key, String commit, long started) {
            this.id = id;
            this.key = key;
            this.commit = commit;
            this.started = started;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            try {
                deliver(context, BodyVerdicts.fromReturnValue(result, elapsed()));
            } catch (ProbeAbortedException e) {
                abort(context, e.getMessage(), e);
            }
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            if (t instanceof FlowInterruptedException interrupted) {
                boolean timedOut = interrupted.getCauses().stream()
                        .anyMatch(c -> c.getClass().getSimpleName().equals("ExceededTimeout"));
                if (timedOut) {
                    deliver(context, BodyVerdicts.timedOut(elapsed()));
                } else {
                    abort(context, "the probe of " + commit + " was interrupted", t);
                }
                return;
            }
            try {
                deliver(context, BodyVerdicts.fromFailure(t, elapsed()));
            } catch (ProbeAbortedException e) {
                // a script error stops the bisection with its message; it is never a verdict
                abort(context, e.getMessage(), t);
            }
        }

        private void deliver(StepContext context, ProbeResult result) {
            try {
                TaskListener listener = context.get(TaskListener.class);
                if (listener != null) {
                    listener.getLogger().println("Probe of " + commit + ": " + result.verdict() + " (" + result.reason() + ")");
                }
                DistributedBisection.of(context.get(Run.class), id).deliver(key, commit, result);
                context.onSuccess(result.verdict().name());
            } catch (Exception e) {
                context.onFailure(e);
            }
        }

        private void abort(StepContext context, String reason, Throwable cause) {
            try {
                DistributedBisection.of(context.get(Run.class), id).abort(reason);
            } catch (Exception e) {
                cause.addSuppressed(e);
            }
            context.onFailure(cause);
        }

        private Duration elapsed() {
            return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - started));
        }
    }

    /** Describes the internal step. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class);
        }

        @Override
        public String getFunctionName() {
            return "virtRegressBisectProbe";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Probe one bisection candidate (internal)";
        }

        @Override
        public boolean isAdvanced() {
            return true;
        }
    }
}
