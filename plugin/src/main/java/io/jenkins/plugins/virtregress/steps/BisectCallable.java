package io.jenkins.plugins.virtregress.steps;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectRangeException;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.CommandProbe;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.bisect.ProgressListener;
import org.virtregress.storage.Json;

/**
 * Bisects on the agent with a command as the probe, run in a worktree of each candidate (the
 * engine's {@link CommandProbe}: exit code 0 good, 125 skip, 1–127 bad, 128 and above stop).
 * The state is kept in the workspace, named after the settings, so that building again with the
 * same settings resumes without repeating probes.
 */
final class BisectCallable extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

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
        Path work = base.resolve("virt-regress-bisect");
        Files.createDirectories(work);
        String name = fingerprint();
        try (CommitGraph graph = CommitGraph.open(repository)) {
            BisectRange range = graph.range(settings.goods(), settings.bad(), settings.paths(),
                    settings.firstParent() || settings.flaky());
            log.println("Bisecting " + range.size() + " candidates of " + settings.describe() + " with "
                    + settings.probes() + " probe(s) at once");
            Map<String, String> subjects = new LinkedHashMap<>();
            for (Candidate candidate : range.candidates()) {
                subjects.put(candidate.id(), candidate.label());
            }
            BisectResult result;
            try (CommandProbe probe = CommandProbe.builder(repository, command)
                    .timeout(Duration.ofMinutes(timeoutMinutes))
                    .workRoot(Files.createDirectories(work.resolve(name + "-worktrees")))
                    .logDirectory(work.resolve(name + "-logs"))
                    .output((stream, line) -> log.println(line))
                    .build()) {
                ProgressListener progress = (record, remaining) -> log.println("Probe of " + record.candidate()
                        + " (" + record.phase() + "): " + record.verdict() + ", " + remaining + " candidate(s) left");
                Path state = work.resolve(name + "-state.json");
                FlakyBisector flaky = FlakyBisector.builder().probes(settings.probes())
                        .confidence(settings.confidence()).stateFile(state).listener(progress).build();
                result = settings.flaky() ? flaky.run(range, probe)
                        : flaky.runAfter(Bisector.builder().probes(settings.probes()).repeat(settings.repeat())
                                .confirm(settings.confirm()).stateFile(state).listener(progress).build(),
                                range, probe, log::println);
            }
            return Json.mapper().writeValueAsString(new BisectOutcome(result, subjects));
        } catch (BisectRangeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((settings + "\0" + command).getBytes(StandardCharsets.UTF_8));
            return "state-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
