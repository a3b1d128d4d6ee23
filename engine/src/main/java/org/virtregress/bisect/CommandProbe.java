package org.virtregress.bisect;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.process.ProgramNotFoundException;

/**
 * Tests a commit by running a command in a worktree of its own, like {@code git bisect run}: each
 * concurrent probe gets a detached {@code git worktree} (created once, then checked out again per
 * candidate), so the user's checkout is never touched. The command runs with
 * {@code VIRT_REGRESS_COMMIT} set to the candidate, and its exit code is the verdict: 0 good, 125
 * skip, 1 to 127 bad, 128 and above (or a signal) aborts the bisection. A command that outlives
 * its timeout is killed and the candidate skipped. The failure signature of a bad run is
 * {@code "exit code N"}. Thread-safe; close it to remove its worktrees.
 *
 * <p>A probe holds a lock on {@value #OWNER_LOCK} in its work root while it lives. When a new probe
 * starts, it removes the worktrees of the repository that an earlier probe left behind (killed
 * before it could close): those in a work root whose lock nobody holds, or gone from the disk with
 * the work root this class names. Worktrees of other tools and of live probes stay.
 */
public final class CommandProbe implements Probe, AutoCloseable {
    /** The file in a work root that a live probe holds locked. */
    public static final String OWNER_LOCK = ".virt-regress-bisect.lock";

    private static final String WORK_ROOT_PREFIX = "virt-regress-bisect";
    private static final String WORKTREE_PREFIX = "worktree-";

    private final Path repository;
    private final List<String> argv;
    private final Duration timeout;
    private final Path workRoot;
    private final Path logDirectory;
    private final ProcessRunner runner;
    private final OutputListener output;
    private final BlockingQueue<Path> free = new LinkedBlockingQueue<>();
    private final List<Path> worktrees = new ArrayList<>();
    private final AtomicInteger logs = new AtomicInteger();
    private final AtomicInteger names = new AtomicInteger();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final FileChannel owner;
    private final List<Path> pruned;
    private CompletableFuture<Path> preparing;

    private CommandProbe(Builder builder) throws IOException {
        this.repository = builder.repository.toAbsolutePath();
        this.argv = List.copyOf(builder.argv);
        this.timeout = builder.timeout;
        this.workRoot = builder.workRoot != null ? builder.workRoot.toAbsolutePath()
                : Files.createTempDirectory(WORK_ROOT_PREFIX);
        Files.createDirectories(workRoot);
        this.logDirectory = builder.logDirectory != null ? builder.logDirectory.toAbsolutePath()
                : workRoot.resolve("logs");
        Files.createDirectories(logDirectory);
        this.runner = builder.runner;
        this.output = builder.output;
        this.owner = FileChannel.open(workRoot.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (owner.tryLock() == null) {
                throw new IOException("work root " + workRoot + " is in use by another bisection");
            }
        } catch (OverlappingFileLockException e) {
            owner.close();
            throw new IOException("work root " + workRoot + " is in use by another bisection", e);
        } catch (IOException e) {
            owner.close();
            throw e;
        }
        this.pruned = pruneStaleWorktrees();
    }

    /**
     * Returns the worktrees of earlier, killed probes that this probe removed when it started.
     *
     * @return their paths; empty when none was left behind
     */
    public List<Path> prunedWorktrees() {
        return pruned;
    }

    /** Removes the worktrees that probes killed before closing left registered in the repository. */
    private List<Path> pruneStaleWorktrees() throws IOException {
        List<Path> stale = new ArrayList<>();
        String listing;
        try {
            listing = gitOutput(repository, "worktree", "list", "--porcelain");
        } catch (IOException e) {
            return List.of(); // not a repository (yet): the bisection reports that itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while listing the worktrees of " + repository);
        }
        for (String line : listing.split("\n")) {
            if (line.startsWith("worktree ")) {
                Path worktree = Path.of(line.substring("worktree ".length()));
                if (!worktree.startsWith(workRoot) && isStale(worktree)) {
                    stale.add(worktree);
                }
            }
        }
        for (Path worktree : stale) {
            try {
                git(repository, "worktree", "remove", "--force", worktree.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while removing the worktree " + worktree);
            }
        }
        return List.copyOf(stale);
    }

    /** Whether a worktree was made by a probe that is gone: its work root unlocked, or both gone. */
    private static boolean isStale(Path worktree) {
        Path root = worktree.getParent();
        if (root == null || !worktree.getFileName().toString().startsWith(WORKTREE_PREFIX)) {
            return false;
        }
        Path lock = root.resolve(OWNER_LOCK);
        if (!Files.exists(lock)) {
            return !Files.exists(worktree) && root.getFileName() != null
                    && root.getFileName().toString().startsWith(WORK_ROOT_PREFIX);
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return false;
            }
            held.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // a live probe of this JVM
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts a probe for a repository and a command.
     *
     * @param repository the git repository (work tree or git directory)
     * @param argv the command and its arguments, run in the candidate's worktree; never a shell string
     * @return a builder
     */
    public static Builder builder(Path repository, List<String> argv) {
        Command.of(argv);
        return new Builder(repository, argv);
    }

    /**
     * Starts adding a worktree checked out at a commit in the background, typically the bad end,
     * which a bisection tests first: the full checkout then overlaps the walk of the history. The
     * first probe takes this worktree (waiting for it if needed); when adding it failed, the probe
     * adds one itself and reports that failure. Call at most once, before the first probe.
     *
     * @param commit the commit to check out
     */
    public void prepare(String commit) {
        Objects.requireNonNull(commit, "commit");
        CompletableFuture<Path> adding = new CompletableFuture<>();
        synchronized (free) {
            if (preparing != null) {
                throw new IllegalStateException("a worktree is already being prepared");
            }
            preparing = adding;
        }
        Thread thread = new Thread(() -> {
            try {
                adding.complete(addWorktree(commit));
            } catch (IOException | RuntimeException e) {
                adding.completeExceptionally(e);
            } catch (InterruptedException e) {
                adding.completeExceptionally(e);
                Thread.currentThread().interrupt();
            }
        }, "bisect-worktree-prepare");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the prepared worktree, once; null when none was prepared or adding it failed. */
    private Path takePrepared() throws InterruptedException {
        CompletableFuture<Path> adding;
        synchronized (free) {
            adding = preparing;
            preparing = null;
        }
        if (adding == null) {
            return null;
        }
        try {
            return adding.get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    @Override
    public ProbeResult probe(Candidate candidate) throws ProbeAbortedException, InterruptedException {
        Path worktree;
        try {
            worktree = checkout(candidate.id());
        } catch (ProgramNotFoundException e) {
            throw new ProbeAbortedException(e.getMessage(), e);
        } catch (IOException e) {
            return ProbeResult.skip("cannot check out " + candidate.shortId() + ": " + e.getMessage());
        }
        try {
            return run(candidate, worktree);
        } finally {
            free.add(worktree);
        }
    }

    private ProbeResult run(Candidate candidate, Path worktree) throws ProbeAbortedException, InterruptedException {
        Path log = logDirectory.resolve(String.format("%03d-%s.log", logs.incrementAndGet(), candidate.shortId()));
        Command command = Command.of(argv).workingDirectory(worktree).env("VIRT_REGRESS_COMMIT", candidate.id())
                .timeout(timeout).logFile(log).build();
        CommandResult result;
        try {
            result = runner.run(command, output);
        } catch (ProgramNotFoundException e) {
            throw new ProbeAbortedException(e.getMessage() + " (on " + candidate.shortId() + ")", e);
        } catch (IOException e) {
            return ProbeResult.skip("cannot run " + command.display() + ": " + e.getMessage());
        }
        return verdictOf(result, candidate, log.toString());
    }

    /**
     * Maps a finished command to a verdict the way {@code git bisect run} does.
     *
     * @param result the command's result
     * @param candidate the candidate it tested
     * @param logRef where its log is
     * @return the verdict
     * @throws ProbeAbortedException for exit codes of 128 and above, or a process killed by a signal
     */
    static ProbeResult verdictOf(CommandResult result, Candidate candidate, String logRef)
            throws ProbeAbortedException {
        Duration duration = result.duration();
        if (result.timedOut()) {
            return new ProbeResult(Verdict.SKIP, 1, duration, logRef, null,
                    "timed out after " + duration.toSeconds() + " s and was killed");
        }
        int code = result.exitCode();
        Verdict verdict;
        try {
            verdict = Verdict.ofExitCode(code);
        } catch (ProbeAbortedException e) {
            throw new ProbeAbortedException(e.getMessage() + "; from " + Command.of(result.argv()).build().display()
                    + " on " + candidate.shortId() + ", log " + logRef, e);
        }
        return switch (verdict) {
            case GOOD -> new ProbeResult(Verdict.GOOD, 1, duration, logRef, null, "exit code 0");
            case SKIP -> new ProbeResult(Verdict.SKIP, 1, duration, logRef, null, "exit code 125: cannot be tested");
            default -> new ProbeResult(verdict, 1, duration, logRef, "exit code " + code, "exit code " + code);
        };
    }

    private Path checkout(String commit) throws IOException, InterruptedException {
        Path worktree = free.poll();
        if (worktree == null) {
            worktree = takePrepared();
        }
        if (worktree == null) {
            return addWorktree(commit);
        }
        git(worktree, "checkout", "--quiet", "--detach", "--force", commit);
        git(worktree, "clean", "--quiet", "-ffdx");
        return worktree;
    }

    /**
     * Adds a worktree checked out at the commit. Only the name is chosen under the lock: the first
     * round of k probes creates its k worktrees (each a full checkout) at once, not one after another.
     * {@link #close} waits for additions under way, so that it removes them too.
     */
    private Path addWorktree(String commit) throws IOException, InterruptedException {
        lifecycle.readLock().lock();
        try {
            Path worktree = workRoot.resolve("worktree-" + names.incrementAndGet());
            git(repository, "worktree", "add", "--quiet", "--detach", "--force", worktree.toString(), commit);
            synchronized (worktrees) {
                worktrees.add(worktree);
            }
            return worktree;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void git(Path directory, String... args) throws IOException, InterruptedException {
        gitOutput(directory, args);
    }

    private String gitOutput(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(args));
        CommandResult result = runner.run(Command.of(command).timeout(Duration.ofMinutes(10)).build(),
                OutputListener.NONE);
        if (!result.succeeded()) {
            throw new IOException(result.describe() + ": " + result.output().strip());
        }
        return result.output();
    }

    /** Returns the worktrees created so far. */
    public List<Path> worktrees() {
        synchronized (worktrees) {
            return List.copyOf(worktrees);
        }
    }

    /** Removes every worktree this probe created; logs stay. */
    @Override
    public void close() throws IOException {
        List<String> failures = new ArrayList<>();
        try {
            takePrepared(); // a worktree still being added is listed once added, and removed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("interrupted while waiting for the worktree being prepared");
        }
        lifecycle.writeLock().lock();
        try {
            removeWorktrees(failures);
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            git(repository, "worktree", "prune");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        owner.close();
        synchronized (failures) {
            if (!failures.isEmpty()) {
                // the unheld lock marks what is left as a stale work root for the next probe to remove
                throw new IOException("cannot remove worktrees: " + String.join("; ", failures));
            }
        }
        Files.deleteIfExists(workRoot.resolve(OWNER_LOCK));
    }

    /** Removes the worktrees, all at once: each removal deletes a full checkout. */
    private void removeWorktrees(List<String> failures) {
        List<Path> all;
        synchronized (worktrees) {
            all = List.copyOf(worktrees);
            worktrees.clear();
            free.clear();
        }
        List<Thread> removals = new ArrayList<>();
        for (Path worktree : all) {
            Thread removal = new Thread(() -> remove(worktree, failures), "bisect-worktree-remove");
            removal.start();
            removals.add(removal);
        }
        for (Thread removal : removals) {
            try {
                removal.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                synchronized (failures) {
                    failures.add("interrupted while removing the worktrees");
                }
                return;
            }
        }
    }

    private void remove(Path worktree, List<String> failures) {
        try {
            git(repository, "worktree", "remove", "--force", worktree.toString());
        } catch (IOException e) {
            synchronized (failures) {
                failures.add(e.getMessage());
            }
        } catch (InterruptedException e) {
            synchronized (failures) {
                failures.add("interrupted while removing " + worktree);
            }
        }
    }

    /** Collects the settings of a {@link CommandProbe}. Not thread-safe. */
    public static final class Builder {
        private final Path repository;
        private final List<String> argv;
        private Duration timeout = Command.DEFAULT_TIMEOUT;
        private Path workRoot;
        private Path logDirectory;
        private ProcessRunner runner = new ProcessRunner();
        private OutputListener output = OutputListener.NONE;

        private Builder(Path repository, List<String> argv) {
            this.repository = Objects.requireNonNull(repository, "repository");
            this.argv = List.copyOf(argv);
        }

        /** Sets the time after which a test run is killed and its candidate skipped. */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
            this.timeout = value;
            return this;
        }

        /** Sets the directory the worktrees are created in; a new temporary directory when not set. */
        public Builder workRoot(Path directory) {
            this.workRoot = directory;
            return this;
        }

        /** Sets the directory every run's log is written to; {@code logs} under the work root when not set. */
        public Builder logDirectory(Path directory) {
            this.logDirectory = directory;
            return this;
        }

        /** Sets the runner of git and the command. */
        public Builder runner(ProcessRunner value) {
            this.runner = Objects.requireNonNull(value, "runner");
            return this;
        }

        /** Sets the listener that receives the command's output line by line. */
        public Builder output(OutputListener value) {
            this.output = value == null ? OutputListener.NONE : value;
            return this;
        }

        /**
         * Creates the probe and its work root.
         *
         * @return the probe
         * @throws IOException if the work root cannot be created
         */
        public CommandProbe build() throws IOException {
            return new CommandProbe(this);
        }
    }
}
