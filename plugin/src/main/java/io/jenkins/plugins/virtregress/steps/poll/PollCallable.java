package io.jenkins.plugins.virtregress.steps.poll;

import hudson.model.TaskListener;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import io.jenkins.plugins.virtregress.model.NewBuild;
import io.jenkins.plugins.virtregress.model.NewBuilds;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jenkins.security.MasterToSlaveCallable;
import org.virtregress.net.Credentials;
import org.virtregress.repo.Fetcher;
import org.virtregress.repo.IndexSelection;
import org.virtregress.repo.PackageSelector;
import org.virtregress.repo.PollRequest;
import org.virtregress.repo.PollResult;
import org.virtregress.repo.Poller;
import org.virtregress.repo.Repository;
import org.virtregress.repo.RepositoryOutcome;

/**
 * Runs the engine's poller on the node chosen for polling. The poll state travels with the call
 * (it is kept by the controller in the job's directory), so any node can poll.
 */
final class PollCallable extends MasterToSlaveCallable<PollOutcome, IOException> {
    private static final long serialVersionUID = 1L;

    private final List<RepositoryTarget> targets;
    private final List<String> packages;
    private final byte[] state;
    private final String archive;
    private final boolean baseline;
    private final TaskListener listener;

    PollCallable(List<RepositoryTarget> targets, List<String> packages, byte[] state, String archive,
            boolean baseline, TaskListener listener) {
        this.targets = List.copyOf(targets);
        this.packages = List.copyOf(packages);
        this.state = state == null ? null : state.clone();
        this.archive = archive;
        this.baseline = baseline;
        this.listener = listener;
    }

    @Override
    public PollOutcome call() throws IOException {
        PrintStream log = listener.getLogger();
        try (ScratchDirectory directory = ScratchDirectory.create("virt-regress-poll")) {
            Path stateFile = directory.path().resolve("state.json");
            if (state != null) {
                Files.write(stateFile, state);
            }
            List<NewBuild> builds = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (RepositoryTarget target : targets) {
                Repository repository = parse(target);
                Credentials credentials = target.credentials() == null ? null
                        : new Credentials(target.credentials().username(), target.credentials().password());
                Poller poller = new Poller(new Fetcher(Fetcher.DEFAULT_TIMEOUT, credentials));
                PollResult result = poller.poll(new PollRequest(List.of(repository), PackageSelector.of(packages),
                        stateFile, archive == null ? null : Path.of(archive), baseline));
                for (RepositoryOutcome outcome : result.outcomes()) {
                    String line = target.name() + ": " + outcome.status().name().toLowerCase(java.util.Locale.ROOT)
                            + (outcome.message() == null ? "" : " (" + outcome.message() + ")");
                    log.println(line);
                    if (outcome.status() == RepositoryOutcome.Status.FAILED) {
                        problems.add(line);
                    }
                }
                List<NewBuild> found = NewBuilds.from(result, Map.of(repository.spec(), target.name()));
                found.forEach(build -> log.println("  new: " + build));
                builds.addAll(found);
            }
            return new PollOutcome(builds, problems, Files.exists(stateFile) ? Files.readAllBytes(stateFile) : null);
        }
    }

    private static Repository parse(RepositoryTarget target) throws IOException {
        try {
            return Repository.parse(target.spec())
                    .withSelection(IndexSelection.parse(target.architectures(), target.components()));
        } catch (IllegalArgumentException e) {
            throw new IOException("repository " + target.name() + ": " + e.getMessage(), e);
        }
    }
}
