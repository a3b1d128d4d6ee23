package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.CommandProbe;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;

/**
 * The commit probe of a command the user names, run like {@code git bisect run} in a worktree at
 * the commit ({@link CommandProbe}: 0 good, 125 skip, 1 to 127 bad, {@code VIRT_REGRESS_COMMIT} set).
 * Each install root gets its own command, {@code {root}} in an argument replaced by the root's
 * directory, so parallel probes never share a root.
 */
public final class CommandCommitProber implements CommitProber {
    /** The placeholder replaced by the probe's install root. */
    public static final String ROOT = "{root}";

    private final List<String> argv;
    private final Duration timeout;
    private final Path workDirectory;

    /**
     * Creates the prober.
     *
     * @param argv the command and its arguments; never a shell string
     * @param timeout the time one run may take
     * @param workDirectory where the worktrees and logs go
     */
    public CommandCommitProber(List<String> argv, Duration timeout, Path workDirectory) {
        this.argv = List.copyOf(argv);
        this.timeout = timeout;
        this.workDirectory = workDirectory;
    }

    @Override
    public java.util.Map<String, String> settings() {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("command", argv.toString());
        settings.put("timeout", HuntFingerprint.show(timeout));
        return settings;
    }

    @Override
    public CommitProbe open(String packageName, Path repository, InstallRoots roots) throws IOException {
        List<CommandProbe> probes = new ArrayList<>();
        // a fresh directory per process: a killed hunt leaves its worktrees behind
        java.nio.file.Files.createDirectories(workDirectory);
        Path session = java.nio.file.Files.createTempDirectory(workDirectory, "commit-probes-");
        try {
            for (InstallRoots.Root root : roots.all()) {
                String dir = root.path() == null ? "/" : root.path().toString();
                List<String> command = argv.stream().map(a -> a.replace(ROOT, dir)).toList();
                Path work = session.resolve("root-" + root.number());
                probes.add(CommandProbe.builder(repository, command).timeout(timeout).workRoot(work)
                        .logDirectory(work.resolve("logs")).build());
            }
        } catch (IOException | RuntimeException e) {
            for (CommandProbe probe : probes) {
                probe.close();
            }
            throw e;
        }
        return new Pool(probes);
    }

    /** Hands each probe call a command of its own root. */
    private static final class Pool implements CommitProbe {
        private final List<CommandProbe> all;
        private final BlockingQueue<CommandProbe> free;

        Pool(List<CommandProbe> probes) {
            this.all = List.copyOf(probes);
            this.free = new LinkedBlockingQueue<>(probes);
        }

        @Override
        public ProbeResult probe(Candidate candidate) throws ProbeAbortedException, InterruptedException {
            CommandProbe probe = free.take();
            try {
                return probe.probe(candidate);
            } finally {
                free.add(probe);
            }
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (CommandProbe probe : all) {
                try {
                    probe.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }
}
