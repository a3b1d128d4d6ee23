package io.jenkins.plugins.virtregress.steps.poll;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.FormChecks;
import io.jenkins.plugins.virtregress.config.JobPermissions;
import io.jenkins.plugins.virtregress.config.RepositoryChecks;
import io.jenkins.plugins.virtregress.model.NewBuild;
import java.io.File;
import java.io.Serial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Pipeline step {@code pollPackages}: polls package repositories now, as the trigger does, and
 * returns the new builds as a list of maps ({@code name}, {@code version},
 * {@code previousVersion}, {@code arch}, {@code repository}, {@code checksum},
 * {@code sourceCommit}, {@code rebuild}). Its poll state stays in the job's directory, under the
 * name given by {@code state}, so separate polls of one job do not disturb each other.
 */
public class PollPackagesStep extends Step {
    private final String repositories;
    private final String packages;
    private String agent;
    private String archive;
    private String state = "pipeline";
    private boolean baseline;

    /**
     * Creates the step.
     *
     * @param repositories names of repositories from the global configuration, or URLs
     * @param packages package names and globs
     */
    @DataBoundConstructor
    public PollPackagesStep(String repositories, String packages) {
        this.repositories = Util.fixNull(repositories).trim();
        this.packages = Util.fixNull(packages).trim();
    }

    /** Returns the repositories. */
    public String getRepositories() {
        return repositories;
    }

    /** Returns the packages. */
    public String getPackages() {
        return packages;
    }

    /** Returns the agent. */
    public String getAgent() {
        return agent;
    }

    /**
     * Names the node that polls.
     *
     * @param agent a node name, or empty for the controller
     */
    @DataBoundSetter
    public void setAgent(String agent) {
        this.agent = Util.fixEmptyAndTrim(agent);
    }

    /** Returns the archive. */
    public String getArchive() {
        return archive;
    }

    /**
     * Sets a directory that keeps every new build: any directory of the agent that polls, or, when
     * the controller polls, a path relative to the job's directory.
     *
     * @param archive a directory, or empty for none
     */
    @DataBoundSetter
    public void setArchive(String archive) {
        this.archive = Util.fixEmptyAndTrim(archive);
    }

    /** Returns the state. */
    public String getState() {
        return state;
    }

    /**
     * Names the poll state of this step within the job.
     *
     * @param state letters, digits, {@code .}, {@code _} and {@code -}
     */
    @DataBoundSetter
    public void setState(String state) {
        String value = Util.fixEmptyAndTrim(state);
        if (value != null && !value.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("state name " + value + " may hold only letters, digits, '.', '_' and '-'");
        }
        this.state = value == null ? "pipeline" : value;
    }

    /** Tells whether the poll only records a baseline. */
    public boolean isBaseline() {
        return baseline;
    }

    /**
     * Records what the repositories hold now and reports nothing new.
     *
     * @param baseline true to record a baseline
     */
    @DataBoundSetter
    public void setBaseline(boolean baseline) {
        this.baseline = baseline;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, this);
    }

    private static final class Execution extends SynchronousNonBlockingStepExecution<List<Map<String, Object>>> {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient PollPackagesStep step;

        Execution(StepContext context, PollPackagesStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected List<Map<String, Object>> run() throws Exception {
            Run<?, ?> run = getContext().get(Run.class);
            TaskListener listener = getContext().get(TaskListener.class);
            File stateFile = new File(run.getParent().getRootDir(), "virt-regress-poll-" + step.state + ".json");
            List<NewBuild> builds = new PackagePoll(step.repositories, step.packages, step.agent, step.archive)
                    .poll(run.getParent(), run, stateFile, step.baseline, listener, found -> true);
            List<Map<String, Object>> maps = new ArrayList<>();
            for (NewBuild build : builds) {
                maps.add(new LinkedHashMap<>(build.toMap()));
            }
            listener.getLogger().println(builds.isEmpty() ? "No new builds." : builds.size() + " new build(s).");
            return maps;
        }
    }

    /** Describes the step and checks its fields in the snippet generator. */
    @Extension
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "pollPackages";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Poll package repositories for new builds (virt-regress)";
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
            return RepositoryChecks.check(value);
        }

        /**
         * Checks the agent: the job's authentication must be allowed to build there.
         *
         * @param value the node name as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckAgent(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            String agent = Util.fixEmptyAndTrim(value);
            if (agent == null || !(item instanceof Job<?, ?> job)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(PackagePoll.nodeProblem(agent, job));
        }

        /**
         * Checks the archive: without an agent the controller polls, and its archive must stay in
         * the job's directory.
         *
         * @param value the archive as typed
         * @param agent the agent as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckArchive(@QueryParameter String value, @QueryParameter String agent,
                @AncestorInPath Item item) {
            JobPermissions.check(item);
            if (Util.fixEmptyAndTrim(agent) != null) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FieldChecks.controllerArchive(value));
        }

        /**
         * Checks the package names and globs.
         *
         * @param value the names as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckPackages(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            return FormChecks.toValidation(FieldChecks.packagePatterns(value));
        }
    }
}
