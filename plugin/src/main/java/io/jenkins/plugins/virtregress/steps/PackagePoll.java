package io.jenkins.plugins.virtregress.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.model.NewBuild;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import jenkins.model.Jenkins;
import org.virtregress.storage.AtomicFile;

/**
 * One poll of package repositories for a job: resolves the repositories, runs the engine's poller
 * on the controller or on a named agent, and keeps the poll state in a file of the job's
 * directory. Shared by the {@link PackageRepositoryTrigger} and the {@code pollPackages} step.
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
     * @param archive a directory on that node that keeps every new build, or empty for none
     */
    PackagePoll(String repositories, String packages, String agent, String archive) {
        this.repositories = repositories;
        this.packages = packages;
        this.agent = Util.fixEmptyAndTrim(agent);
        this.archive = Util.fixEmptyAndTrim(archive);
    }

    /**
     * Polls.
     *
     * @param stateFile the poll state on the controller
     * @param baseline record the current state and report nothing new
     * @param listener receives the poll's log
     * @return the new builds
     * @throws IOException if the poll cannot run, or no repository could be read and nothing is new
     * @throws InterruptedException if interrupted
     */
    List<NewBuild> poll(File stateFile, boolean baseline, TaskListener listener)
            throws IOException, InterruptedException {
        List<String> patterns = FieldChecks.split(packages);
        if (FieldChecks.packagePatterns(packages).isPresent()) {
            throw new AbortException(FieldChecks.packagePatterns(packages).get());
        }
        List<RepositoryTarget> targets = RepositoryTargets.resolve(repositories);
        byte[] state = stateFile.isFile() ? Files.readAllBytes(stateFile.toPath()) : null;
        PollOutcome outcome = channel().call(new PollCallable(targets, patterns, state, archive, baseline, listener));
        if (outcome.state() != null) {
            AtomicFile.write(stateFile.toPath(), outcome.state());
        }
        if (!outcome.problems().isEmpty()) {
            String problems = String.join("; ", outcome.problems());
            if (outcome.builds().isEmpty()) {
                throw new AbortException("No repository could be read: " + problems);
            }
            // the state of the readable repositories is saved: their new builds must not be lost
            listener.getLogger().println("Some repositories could not be read, polled again next time: " + problems);
        }
        return outcome.builds();
    }

    private VirtualChannel channel() throws AbortException {
        if (agent == null) {
            return FilePath.localChannel; // the controller, even when it has no executors
        }
        Node node = Jenkins.get().getNode(agent);
        if (node == null) {
            throw new AbortException("Node " + agent + " does not exist.");
        }
        Computer computer = node.toComputer();
        VirtualChannel channel = computer == null ? null : computer.getChannel();
        if (channel == null) {
            throw new AbortException("Node " + agent + " is offline.");
        }
        return channel;
    }
}
