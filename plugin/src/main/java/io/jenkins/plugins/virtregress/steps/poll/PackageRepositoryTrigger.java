package io.jenkins.plugins.virtregress.steps.poll;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Action;
import hudson.model.CauseAction;
import hudson.model.Computer;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.scheduler.CronTabList;
import hudson.scheduler.Hash;
import hudson.triggers.Trigger;
import hudson.triggers.TriggerDescriptor;
import hudson.util.FormValidation;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.FormChecks;
import io.jenkins.plugins.virtregress.config.JobPermissions;
import io.jenkins.plugins.virtregress.config.RepositoryChecks;
import io.jenkins.plugins.virtregress.model.NewBuild;
import io.jenkins.plugins.virtregress.model.NewBuildsAction;
import io.jenkins.plugins.virtregress.model.NewBuildsCause;
import io.jenkins.plugins.virtregress.model.NewBuildsText;
import java.io.File;
import java.io.IOException;
import java.io.ObjectStreamException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Polls package repositories on a cron schedule and starts a build when they hold new builds of
 * the watched packages. The poll state stays in the job's directory, each poll is logged to a
 * page of the job, and the build gets a {@link NewBuildsCause} naming the new builds and a
 * {@link NewBuildsAction} that hands them to the steps as environment variables.
 */
public class PackageRepositoryTrigger extends Trigger<Job<?, ?>> {
    /** The poll state file in the job's directory. */
    static final String STATE_FILE = "virt-regress-poll-state.json";
    /** The directory of the polling logs in the job's directory. */
    static final String LOG_DIRECTORY = "virt-regress-polling";
    /**
     * The archive of a trigger that does not name one: in the job's directory when the controller
     * polls, under the agent's root directory (one per job) when an agent does.
     */
    public static final String DEFAULT_ARCHIVE = "virt-regress-archive";
    /** The directory under an agent's root that holds the relative archives of the jobs polling there. */
    static final String AGENT_ARCHIVES = "virt-regress-archives";

    private static final Logger LOGGER = Logger.getLogger(PackageRepositoryTrigger.class.getName());

    private String repositories;
    private String packages;
    private String agent;
    /** The archive directory; the empty string when archiving is off, never null once constructed or read. */
    private String archive = DEFAULT_ARCHIVE;

    /**
     * Creates the trigger.
     *
     * @param spec the cron schedule of the polls
     * @param repositories names of repositories from the global configuration, or URLs
     * @param packages package names and globs such as {@code qemu-*}
     */
    @DataBoundConstructor
    public PackageRepositoryTrigger(String spec, String repositories, String packages) {
        super(spec);
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

    /**
     * Returns the archive directory as configured.
     *
     * @return the directory, or the empty string when archiving is off
     */
    public String getArchive() {
        return archive;
    }

    /**
     * Tells whether the trigger archives the new builds.
     *
     * @return false only when archiving was turned off
     */
    public boolean isArchiving() {
        return !archive.isEmpty();
    }

    /**
     * Sets the directory that keeps every new build, for the regression hunt and for bisecting over
     * builds later; {@value #DEFAULT_ARCHIVE} unless set. When the controller polls, a path relative to
     * the job's directory; on an agent, an absolute directory of that agent, or a relative one that is
     * kept under the agent's root directory, one per job.
     *
     * @param archive a directory, or empty to turn archiving off
     */
    @DataBoundSetter
    public void setArchive(String archive) {
        this.archive = Util.fixNull(archive).trim();
    }

    /**
     * Returns the archive of a saved trigger: a configuration saved before the trigger archived by
     * default has no archive and gets the default; one saved with archiving off keeps the empty
     * string, and with it archiving off.
     *
     * @param saved the saved archive, null when the configuration has none
     * @return the archive, the empty string for off
     */
    static String savedArchive(String saved) {
        return saved == null ? DEFAULT_ARCHIVE : saved.trim();
    }

    /**
     * Returns the archive as the polling node sees it: in the job's directory when the controller
     * polls; on an agent the absolute directory as given, a relative one under the agent's root
     * directory in a directory of the job's own.
     *
     * @param owner the job
     * @return the absolute directory, or null when archiving is off
     * @throws AbortException if the archive leaves the job's directory, or the agent is unknown or offline
     */
    public String archiveOnNode(Job<?, ?> owner) throws AbortException {
        if (!isArchiving()) {
            return null;
        }
        if (agent == null) {
            Optional<String> problem = FieldChecks.controllerArchive(archive);
            if (problem.isPresent()) {
                throw new AbortException(problem.get());
            }
            return new File(owner.getRootDir(), archive).getAbsolutePath();
        }
        if (archive.startsWith("/") || archive.startsWith("\\") || archive.matches("[A-Za-z]:.*")) {
            return archive;
        }
        Node node = Jenkins.get().getNode(agent);
        FilePath root = node == null ? null : node.getRootPath();
        if (root == null) {
            throw new AbortException("Node " + agent + " does not exist or is offline: its archive " + archive
                    + " cannot be found.");
        }
        return root.child(AGENT_ARCHIVES).child(jobDirectoryName(owner.getFullName())).child(archive)
                .getRemote();
    }

    /**
     * Returns the name of a job's directory under an agent's root: its full name with every
     * character but letters, digits, dot, underscore and hyphen replaced by an underscore.
     *
     * @param fullName the job's full name, {@code folder/job}
     * @return a single path segment
     */
    static String jobDirectoryName(String fullName) {
        String name = fullName.replaceAll("[^A-Za-z0-9._-]", "_");
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }

    /**
     * Fills the defaults of fields that an older or hand-written job configuration leaves out.
     *
     * @return this trigger
     */
    @Override
    protected Object readResolve() throws ObjectStreamException {
        repositories = Util.fixNull(repositories);
        packages = Util.fixNull(packages);
        archive = savedArchive(archive);
        return super.readResolve();
    }

    @Override
    public void run() {
        Job<?, ?> owner = job;
        if (owner == null) {
            return;
        }
        if (!owner.isBuildable()) {
            // polling now would take the new builds away from the build that cannot start
            LOGGER.fine(() -> owner.getFullName() + " cannot build now; not polled");
            return;
        }
        String key = owner.getFullName();
        if (!PollGate.enter(key)) {
            LOGGER.fine(() -> "Poll of " + key + " still running; skipped");
            return;
        }
        Computer.threadPoolForRemoting.execute(() -> {
            try {
                pollAndSchedule(owner);
            } finally {
                PollGate.leave(key);
            }
        });
    }

    /**
     * Polls once and schedules a build when something is new.
     *
     * @param owner the job
     * @return the new builds
     */
    public List<NewBuild> pollAndSchedule(Job<?, ?> owner) {
        PollingHistory history = history(owner);
        Path log;
        try {
            log = history.newLog(System.currentTimeMillis());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot write the polling log of " + owner.getFullName(), e);
            return List.of();
        }
        AtomicBoolean scheduled = new AtomicBoolean();
        List<NewBuild> found = List.of();
        try (StreamTaskListener listener = new StreamTaskListener(log.toFile(), StandardCharsets.UTF_8)) {
            listener.getLogger().println("Started polling " + repositories + " at " + Instant.now());
            try {
                // the controller's archive goes as configured: the poll itself keeps it in the job's directory
                String where = agent == null ? archive : Util.fixNull(archiveOnNode(owner));
                found = new PackagePoll(repositories, packages, agent, where).poll(owner, null,
                        new File(owner.getRootDir(), STATE_FILE), false, listener, builds -> {
                            listener.getLogger().println("New builds: " + NewBuildsText.describe(builds));
                            scheduled.set(schedule(owner, builds, listener));
                            return scheduled.get();
                        });
                if (found.isEmpty()) {
                    listener.getLogger().println("No new builds.");
                }
            } catch (IOException e) {
                listener.error("Polling failed: " + e.getMessage());
            } catch (InterruptedException e) {
                listener.error("Polling was interrupted.");
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                listener.error("Polling failed: " + e);
                LOGGER.log(Level.WARNING, "Polling of " + owner.getFullName() + " failed", e);
            }
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot write the polling log of " + owner.getFullName(), e);
        }
        try {
            history.finish(log, scheduled.get());
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot prune the polling logs of " + owner.getFullName(), e);
        }
        return scheduled.get() ? found : List.of();
    }

    /**
     * Returns the polling logs of a job.
     *
     * @param owner the job
     * @return its history of polls
     */
    static PollingHistory history(Job<?, ?> owner) {
        return new PollingHistory(owner.getRootDir().toPath().resolve(LOG_DIRECTORY));
    }

    private static boolean schedule(Job<?, ?> owner, List<NewBuild> builds, TaskListener listener) {
        if (!owner.isBuildable() || ParameterizedJobMixIn.scheduleBuild2(owner, 0,
                new CauseAction(new NewBuildsCause(builds)), new NewBuildsAction(builds)) == null) {
            listener.getLogger().println("Could not schedule a build: the job is disabled or cannot be built."
                    + " The new builds are reported again once it can.");
            return false;
        }
        listener.getLogger().println("Scheduled a build.");
        return true;
    }

    @Override
    public Collection<? extends Action> getProjectActions() {
        return job == null ? List.of() : List.of(new PollingLogAction(job));
    }

    /** Describes the trigger and checks its form fields. */
    @Extension
    @Symbol("packageRepository")
    public static class DescriptorImpl extends TriggerDescriptor {
        /**
         * Returns the archive a new trigger's form starts with.
         *
         * @return {@value PackageRepositoryTrigger#DEFAULT_ARCHIVE}
         */
        public String getDefaultArchive() {
            return DEFAULT_ARCHIVE;
        }

        @Override
        public boolean isApplicable(Item item) {
            return item instanceof Job && item instanceof ParameterizedJobMixIn.ParameterizedJob;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Poll package repositories for new builds (virt-regress)";
        }

        /**
         * Checks the cron schedule.
         *
         * @param value the schedule as typed
         * @param item the job being configured
         * @return the validation result
         */
        @POST
        public FormValidation doCheckSpec(@QueryParameter String value, @AncestorInPath Item item) {
            JobPermissions.check(item);
            try {
                CronTabList tabs = CronTabList.create(Util.fixNull(value),
                        item == null ? null : Hash.from(item.getFullName()));
                String sanity = tabs.checkSanity();
                return sanity == null ? FormValidation.ok() : FormValidation.warning(sanity);
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        /**
         * Checks the repositories.
         *
         * @param value the names or URLs as typed
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
