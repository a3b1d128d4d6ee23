package io.jenkins.plugins.virtregress.steps.poll;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.JobAuthentication;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import io.jenkins.plugins.virtregress.config.RepositoryTargets;
import io.jenkins.plugins.virtregress.model.NewBuild;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import org.virtregress.storage.AtomicFile;

/**
 * One poll of package repositories for a job: resolves the repositories, runs the engine's poller
 * on the controller or on a named agent, and keeps the poll state in a file of the job's
 * directory. Shared by the {@link PackageRepositoryTrigger} and the {@code pollPackages} step.
 *
 * <p>Nothing a job configurer types reaches the controller's disk: on the controller the archive
 * is a directory inside the job's own directory, an agent is used only when the job's
 * authentication may build there (and the node takes the job), and credentials travel only to the
 * node that polls.
 */
final class PackagePoll {
    private final String repositories;
    private final String packages;
    private final String agent;
    private final String archive;

    /**
     * Describes a poll.
     *
     * @param repositories names of configured repositories or URLs
     * @param packages package names and globs
     * @param agent the name of the node that polls, or empty for the controller
     * @param archive a directory that keeps every new build: on an agent any directory, on the
     *     controller a path relative to the job's directory; empty for none
     */
    PackagePoll(String repositories, String packages, String agent, String archive) {
        this.repositories = repositories;
        this.packages = packages;
        this.agent = Util.fixEmptyAndTrim(agent);
        this.archive = Util.fixEmptyAndTrim(archive);
    }

    /**
     * Polls and keeps the new state.
     *
     * @param job the job that polls
     * @param run the build that polls, or null for a trigger
     * @param stateFile the poll state on the controller
     * @param baseline record the current state and report nothing new
     * @param listener receives the poll's log
     * @param accept takes the new builds (for example by scheduling a build); the new state is saved
     *     only when it returns true, so builds it cannot take are reported again by the next poll
     * @return the new builds
     * @throws IOException if the poll cannot run, or no repository could be read and nothing is new
     * @throws InterruptedException if interrupted
     */
    List<NewBuild> poll(Job<?, ?> job, Run<?, ?> run, File stateFile, boolean baseline, TaskListener listener,
            Predicate<List<NewBuild>> accept) throws IOException, InterruptedException {
        List<String> patterns = FieldChecks.split(packages);
        Optional<String> badPatterns = FieldChecks.packagePatterns(packages);
        if (badPatterns.isPresent()) {
            throw new AbortException(badPatterns.get());
        }
        VirtualChannel channel = channel(job);
        String where = archiveOn(job);
        List<RepositoryTarget> targets = RepositoryTargets.resolve(repositories, job, run);
        byte[] state = stateFile.isFile() ? Files.readAllBytes(stateFile.toPath()) : null;
        PollOutcome outcome = channel.call(new PollCallable(targets, patterns, state, where, baseline, listener));
        if (!outcome.problems().isEmpty()) {
            String problems = String.join("; ", outcome.problems());
            if (outcome.builds().isEmpty()) {
                throw new AbortException("No repository could be read: " + problems);
            }
            // the state of the readable repositories is saved: their new builds must not be lost
            listener.getLogger().println("Some repositories could not be read, polled again next time: " + problems);
        }
        if (outcome.state() != null && (outcome.builds().isEmpty() || accept.test(outcome.builds()))) {
            AtomicFile.write(stateFile.toPath(), outcome.state());
        } else if (outcome.state() != null) {
            listener.getLogger().println("The new builds were not taken; the poll state is kept as it was, so the"
                    + " next poll reports them again.");
        }
        return outcome.builds();
    }

    /** Returns the archive directory as the polling node sees it, or null for none. */
    private String archiveOn(Job<?, ?> job) throws AbortException {
        if (archive == null || agent != null) {
            return archive;
        }
        Optional<String> problem = FieldChecks.controllerArchive(archive);
        if (problem.isPresent()) {
            throw new AbortException(problem.get());
        }
        return new File(job.getRootDir(), archive).getAbsolutePath();
    }

    private VirtualChannel channel(Job<?, ?> job) throws AbortException {
        if (agent == null) {
            return FilePath.localChannel; // the controller, even when it has no executors
        }
        Optional<String> problem = nodeProblem(agent, job);
        if (problem.isPresent()) {
            throw new AbortException(problem.get());
        }
        Computer computer = Jenkins.get().getNode(agent).toComputer();
        VirtualChannel channel = computer == null ? null : computer.getChannel();
        if (channel == null) {
            throw new AbortException("Node " + agent + " is offline.");
        }
        return channel;
    }

    /**
     * Checks that a job may poll on a node: the job's authentication has Agent/Build there, the
     * node matches the job's label restriction, and a node that takes only restricted jobs is not
     * named by a job restricted to none.
     *
     * @param agent the node's name
     * @param job the job
     * @return the problem, or empty when the job may poll there
     */
    static Optional<String> nodeProblem(String agent, Job<?, ?> job) {
        Node node = Jenkins.get().getNode(agent);
        Computer computer = node == null ? null : node.toComputer();
        Authentication authentication = JobAuthentication.of(job);
        if (node == null || computer == null || !computer.getACL().hasPermission2(authentication, Computer.BUILD)) {
            // the same answer for a node that does not exist and one the job may not use
            return Optional.of("Node " + agent + " does not exist, or " + job.getFullName()
                    + " may not build on it (Agent/Build permission of " + authentication.getName() + ").");
        }
        Label label = job instanceof AbstractProject<?, ?> project ? project.getAssignedLabel() : null;
        if (label != null && !label.contains(node)) {
            return Optional.of("Node " + agent + " does not match the label " + label + " that "
                    + job.getFullName() + " is restricted to.");
        }
        if (node.getMode() == Node.Mode.EXCLUSIVE && label == null) {
            return Optional.of("Node " + agent + " takes only jobs restricted to its labels, and "
                    + job.getFullName() + " is not restricted to one of them.");
        }
        return Optional.empty();
    }
}
