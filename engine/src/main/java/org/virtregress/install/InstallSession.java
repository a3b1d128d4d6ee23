package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/**
 * The commands of one install: runs them within the time left, streams their output to the
 * caller's listener, records them, keeps the tail of their output and notes any scriptlet that
 * failed. Owns a private working directory, deleted on {@link #close()}. Not thread-safe.
 */
final class InstallSession implements AutoCloseable {
    private static final int EXCERPT_LINES = 200;
    private static final Pattern SCRIPTLET_FAILED = Pattern.compile(
            "(?i).*(scriptlet failed|error in \\S+ scriptlet|lua script failed"
                    + "|(pre|post)-(installation|removal) script subprocess returned error).*");

    private final ProcessRunner runner;
    private final OutputListener listener;
    private final Path workDirectory;
    private final List<CommandRecord> records = new ArrayList<>();
    private final Deque<String> excerpt = new ArrayDeque<>();
    private final List<String> scriptletFailures = new ArrayList<>();
    private long deadline;
    private Duration budget;

    InstallSession(ProcessRunner runner, OutputListener listener) throws IOException {
        this.runner = runner;
        this.listener = listener == null ? OutputListener.NONE : listener;
        this.workDirectory = Files.createTempDirectory("virt-regress-install-");
    }

    /** Starts a new time budget (for the transaction, then again for its rollback). */
    void startBudget(Duration time) {
        this.budget = time;
        this.deadline = System.nanoTime() + time.toNanos();
    }

    /**
     * Runs a command with the time left, recording it.
     *
     * @return the result; a command that cannot start in time is recorded as timed out
     */
    CommandResult run(List<String> argv, Map<String, String> environment) throws IOException, InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            CommandResult none = new CommandResult(argv, -1, true, Duration.ZERO, "", "", false);
            note("not run, the time of " + budget.toSeconds() + " s is up: " + Command.of(argv).build().display());
            records.add(new CommandRecord(argv, -1, true, Duration.ZERO));
            return none;
        }
        Command command = Command.of(argv).env(environment).timeout(Duration.ofNanos(left)).build();
        note("$ " + command.display());
        CommandResult result = runner.run(command, (stream, line) -> {
            keep(line);
            listener.line(stream, line);
        });
        records.add(new CommandRecord(argv, result.exitCode(), result.timedOut(), result.duration()));
        if (result.timedOut()) {
            note(result.describe());
        }
        return result;
    }

    /** Writes a line of our own to the log. */
    void note(String line) {
        keep(line);
        listener.line(OutputListener.Stream.STDOUT, line);
    }

    private synchronized void keep(String line) {
        if (SCRIPTLET_FAILED.matcher(line).matches()) {
            scriptletFailures.add(line.strip());
        }
        excerpt.addLast(line);
        if (excerpt.size() > EXCERPT_LINES) {
            excerpt.removeFirst();
        }
    }

    /** Returns and forgets the scriptlet failures seen since the last call. */
    synchronized List<String> takeScriptletFailures() {
        List<String> seen = List.copyOf(scriptletFailures);
        scriptletFailures.clear();
        return seen;
    }

    Path workDirectory() {
        return workDirectory;
    }

    List<CommandRecord> records() {
        return List.copyOf(records);
    }

    synchronized String excerpt() {
        return String.join("\n", excerpt);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> paths = Files.walk(workDirectory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
