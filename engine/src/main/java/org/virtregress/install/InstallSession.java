package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern SCRIPTLET_FAILED = Pattern.compile(
            "(?i).*(scriptlet failed|error in \\S+ scriptlet|lua script failed"
                    + "|(pre|post)-(installation|removal) script subprocess returned error).*");
    private static final Pattern AUTHENTICATION_FAILED = Pattern.compile(
            "(?i).*(\\b401\\b.*(unauthori[sz]ed|for \\w+://)|status code: 401|http response: 401|returned error: 401|login failed"
                    + "|permission to access .* denied|authentication (failed|required)).*");

    private final ProcessRunner runner;
    private final OutputListener listener;
    private final Path workDirectory;
    private final List<CommandRecord> records = new ArrayList<>();
    private final Deque<String> excerpt = new ArrayDeque<>();
    private final List<String> scriptletFailures = new ArrayList<>();
    private final List<String> authenticationFailures = new ArrayList<>();
    private String previousLine = "";
    private final boolean rootless;
    private long deadline;
    private Duration budget;

    /**
     * Opens a session.
     *
     * @param rootless whether package manager commands run in a user namespace mapping this user to
     *     root ({@code unshare --map-root-user}): how an unprivileged user installs into a root it owns
     */
    InstallSession(ProcessRunner runner, OutputListener listener, boolean rootless) throws IOException {
        this.runner = runner;
        this.rootless = rootless;
        this.listener = listener == null ? OutputListener.NONE : listener;
        this.workDirectory = Files.createTempDirectory("virt-regress-install-");
    }

    /** Starts a new time budget (for the transaction, then again for its rollback). */
    void startBudget(Duration time) {
        this.budget = time;
        this.deadline = System.nanoTime() + time.toNanos();
    }

    /**
     * Runs a command with the time left of the current budget, recording it.
     *
     * @return the result; a command that cannot start in time is recorded as timed out
     */
    CommandResult run(List<String> argv, Map<String, String> environment) throws IOException, InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            note("not run, the time of " + budget.toSeconds() + " s is up: " + Command.of(argv).build().display());
            records.add(new CommandRecord(argv, -1, true, Duration.ZERO));
            return new CommandResult(argv, -1, true, Duration.ZERO, "", "", false);
        }
        return execute(argv, environment, Duration.ofNanos(left));
    }

    /**
     * Runs a read-only query (of the package database or the repositories) with its own time
     * limit, so that the database can still be read once a transaction used up its time.
     */
    CommandResult query(List<String> argv, Map<String, String> environment) throws IOException, InterruptedException {
        return execute(argv, environment, QUERY_TIMEOUT);
    }

    private CommandResult execute(List<String> argv, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Command command = Command.of(argv).env(environment).timeout(timeout).build();
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

    /**
     * Runs a package manager command, which needs root: as is, or in a user namespace when this
     * session is rootless.
     */
    CommandResult runAsRoot(List<String> argv, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(asRoot(argv), environment);
    }

    /** Runs a read-only package manager query (see {@link #query}), as root like {@link #runAsRoot}. */
    CommandResult queryAsRoot(List<String> argv, Map<String, String> environment)
            throws IOException, InterruptedException {
        return query(asRoot(argv), environment);
    }

    private List<String> asRoot(List<String> argv) {
        if (!rootless) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(List.of("unshare", "--map-root-user", "--"));
        wrapped.addAll(argv);
        return wrapped;
    }

    /** Returns whether this process runs as root, from {@code /proc/self/status} (false when unknown). */
    static boolean runningAsRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
        return false;
    }

    /** Returns whether package manager commands run in a user namespace (see the constructor). */
    boolean rootless() {
        return rootless;
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
        if (AUTHENTICATION_FAILED.matcher(line).matches()) {
            authenticationFailures.add(previousLine.strip() + "\n" + line.strip());
        }
        previousLine = line;
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

    /**
     * Returns the lines in which a server refused access (HTTP 401), each with the line before it
     * (apt names the URL there).
     */
    synchronized List<String> authenticationFailures() {
        return List.copyOf(authenticationFailures);
    }

    /**
     * Writes a file only this user can read ({@code 0600}) into a directory only this user can
     * enter ({@code 0700}) inside the session's working directory; removed with it on {@link #close()}.
     *
     * @param directory the directory, relative to the working directory
     * @param name the file name
     * @param content what to write; may hold secrets, so it is never logged
     * @return the file
     */
    Path writePrivate(String directory, String name, String content) throws IOException {
        Path dir = workDirectory.resolve(directory);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
        return file;
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
