package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;
import org.virtregress.bisect.BisectQuestion;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectRangeException;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.BisectState;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.CommandProbe;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.bisect.Outcome;
import org.virtregress.storage.Json;

/**
 * Bisects on the agent with a command as the probe, run in a worktree of each candidate (the
 * engine's {@link CommandProbe}: exit code 0 good, 125 skip, 1–127 bad, 128 and above stop).
 * The state is kept in the workspace, named by {@link BisectStateName} after the engine's
 * fingerprint (the resolved commits and every setting that decides a verdict), until the bisection finishes: building again after a
 * bisection that stopped early (aborted build, killed agent) with all of them unchanged resumes
 * without repeating probes (and says so, marking the replayed verdicts); a finished bisection or
 * any change starts afresh.
 */
final class BisectCallable extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;
    /** The directory of the workspace that holds the bisections' state, worktrees and logs. */
    static final String WORK_DIRECTORY = "virt-regress-bisect";

    private final BisectSettings settings;
    private final List<String> command;
    private final long timeoutMinutes;
    private final TaskListener listener;

    BisectCallable(BisectSettings settings, List<String> command, long timeoutMinutes, TaskListener listener) {
        this.settings = settings;
        this.command = List.copyOf(command);
        this.timeoutMinutes = timeoutMinutes;
        this.listener = listener;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        Path base = workspace.toPath();
        Path repository = base.resolve(settings.repository()).normalize();
        Path work = base.resolve(WORK_DIRECTORY);
        Files.createDirectories(work);
        try (CommitGraph graph = CommitGraph.open(repository)) {
            boolean firstParent = settings.firstParent() || settings.flaky();
            BisectRange range = graph.range(settings.goods(), settings.bad(), settings.paths(), firstParent);
            ProbeProgress progress = new ProbeProgress(log::println);
            Duration timeout = Duration.ofMinutes(timeoutMinutes);
            Bisector.Builder deterministic = Bisector.builder().probes(settings.probes()).repeat(settings.repeat())
                    .confirm(settings.confirm())
                    .question(new BisectQuestion(repository.toRealPath().toString(), settings.paths(), firstParent,
                            command, timeout))
                    .listener(progress);
            String name = BisectStateName.of(deterministic.build().fingerprint(range),
                    settings.flaky() ? settings.confidence() : null);
            Path stateFile = work.resolve(name + "-state.json");
            boolean resumed = Files.exists(stateFile);
            if (resumed) {
                int runs = BisectState.read(stateFile).runs().size();
                log.println("Resuming the bisection of an earlier build (" + stateFile.getFileName() + "): its "
                        + runs + " test run(s) are replayed from the state file, not run again.");
            } else {
                log.println("Starting a new bisection (state " + stateFile.getFileName() + ").");
            }
            log.println("Bisecting " + range.size() + " candidates of " + settings.describe() + " (good "
                    + String.join(", ", range.goods()) + ", bad " + range.bad() + ") with " + settings.probes()
                    + " probe(s) at once");
            Map<String, String> subjects = new LinkedHashMap<>();
            for (Candidate candidate : range.candidates()) {
                subjects.put(candidate.id(), candidate.label());
            }
            BisectResult result;
            try (CommandProbe probe = CommandProbe.builder(repository, command)
                    .timeout(timeout)
                    .workRoot(Files.createDirectories(work.resolve(name + "-worktrees")))
                    .logDirectory(work.resolve(name + "-logs"))
                    .output((stream, line) -> log.println(line))
                    .build()) {
                FlakyBisector flaky = FlakyBisector.builder().probes(settings.probes())
                        .confidence(settings.confidence()).stateFile(stateFile).listener(progress).build();
                result = settings.flaky() ? flaky.run(range, probe)
                        : flaky.runAfter(deterministic.stateFile(stateFile).build(), range, probe, log::println);
            }
            if (result.outcome() != Outcome.ABORTED) {
                // finished: building again starts afresh; only a bisection that stopped early resumes
                Files.deleteIfExists(stateFile);
            }
            return Json.mapper().writeValueAsString(new BisectOutcome(result, subjects, progress.remaining(),
                    WORK_DIRECTORY + "/" + name + "-logs", progress.replayed(), resumed));
        } catch (BisectRangeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
