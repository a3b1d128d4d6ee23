package org.virtregress.process;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Command}s: starts the program directly from its argument array (there is no shell),
 * closes its standard input, streams its output line by line to an {@link OutputListener} (each
 * line cut at {@link #MAX_LINE_CHARS}, so that a program printing gigabytes without a newline
 * cannot exhaust memory; the log file keeps every character) and keeps a capped tail of it.
 *
 * <p>Nothing a command starts outlives it. Each command runs in a session and process group of its
 * own (through {@code setsid} where it exists) with {@link #RUN_MARKER} in its environment naming
 * its run. When it ends, times out, or the calling thread is interrupted, and when the JVM goes
 * down, the runner kills the process, its group and session, and every process still carrying the
 * run's id (children that detached with {@code setsid} or {@code nohup}, or kept forking), scanning
 * {@code /proc} again until none is left. Thread-safe: one runner may run many commands at once.
 */
public final class ProcessRunner {
    /** Default number of output characters kept in memory per stream. */
    public static final int DEFAULT_OUTPUT_CAP = 1 << 20;

    /**
     * The environment variable that marks every process a command starts: the run ids of the
     * command and of the commands it runs inside, separated by commas.
     */
    public static final String RUN_MARKER = "VIRT_REGRESS_RUN";

    /**
     * Characters of one output line handed to the listener and kept in the tail; the rest of a
     * longer line goes to the log file only, and the result is marked truncated.
     */
    public static final int MAX_LINE_CHARS = 64 * 1024;

    private static final int SPILL_CHARS = 8192;
    private static final File DEV_NULL = new File("/dev/null");
    private static final Path SETSID = findSetsid();

    private final int outputCap;

    /** Creates a runner keeping {@link #DEFAULT_OUTPUT_CAP} characters of output per stream. */
    public ProcessRunner() {
        this(DEFAULT_OUTPUT_CAP);
    }

    /**
     * Creates a runner keeping at most {@code outputCap} characters of output per stream in memory.
     *
     * @param outputCap the cap, at least 1
     */
    public ProcessRunner(int outputCap) {
        if (outputCap < 1) {
            throw new IllegalArgumentException("output cap must be positive: " + outputCap);
        }
        this.outputCap = outputCap;
    }

    /**
     * Runs a command to its end or its timeout.
     *
     * @param command the command
     * @param listener receives each line as it is printed
     * @return the result; a timeout is a result, not an exception
     * @throws ProgramNotFoundException if the program does not exist or cannot be executed
     * @throws IOException if the log file cannot be written
     * @throws InterruptedException if the calling thread is interrupted; the process tree is killed first
     */
    public CommandResult run(Command command, OutputListener listener) throws IOException, InterruptedException {
        String runId = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder(startArgv(command));
        if (command.workingDirectory() != null) {
            builder.directory(command.workingDirectory().toFile());
        }
        builder.environment().putAll(command.environment());
        String outer = System.getenv(RUN_MARKER);
        builder.environment().put(RUN_MARKER, outer == null || outer.isEmpty() ? runId : outer + "," + runId);
        builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        builder.redirectErrorStream(command.mergeStderr());

        Writer log = command.logFile() == null ? null
                : Files.newBufferedWriter(command.logFile(), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        // registered before the start, with the shutdown hook: a JVM stopped (Ctrl-C) while the
        // process starts still kills what carries its run id
        ProcessSweep starting = ProcessSweep.beforeStart(runId);
        LiveCommands.add(starting);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            LiveCommands.remove(starting);
            closeQuietly(log);
            throw new ProgramNotFoundException(command.argv().get(0), e);
        }
        LineCollector out = new LineCollector(process.getInputStream(), OutputListener.Stream.STDOUT, listener, log);
        LineCollector err = command.mergeStderr() ? null
                : new LineCollector(process.getErrorStream(), OutputListener.Stream.STDERR, listener, log);
        out.start();
        if (err != null) {
            err.start();
        }
        ProcessSweep sweep = new ProcessSweep(process.pid(), runId);
        LiveCommands.add(sweep);
        LiveCommands.remove(starting);
        boolean timedOut = false;
        try {
            if (!process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                sweep.killAll();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            // what the command left running (detached daemons, stray children) ends with it
            sweep.killAll();
            out.join(TimeUnit.SECONDS.toMillis(10));
            if (err != null) {
                err.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            sweep.killAll();
            throw e;
        } finally {
            LiveCommands.remove(sweep);
            if (log != null) {
                synchronized (log) {
                    closeQuietly(log);
                }
            }
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        int exit = timedOut ? -1 : process.exitValue();
        return new CommandResult(command.argv(), exit, timedOut, duration, out.text(),
                err == null ? "" : err.text(), out.truncated() || (err != null && err.truncated()));
    }

    /**
     * Kills a process and every descendant, children first collected so none is orphaned first. For
     * a command this runner is running, it kills everything the command started (its group, session
     * and every process carrying its run id), as a timeout does.
     *
     * @param root the process whose tree is killed
     */
    public static void killTree(ProcessHandle root) {
        Optional<ProcessSweep> running = LiveCommands.of(root.pid());
        if (running.isPresent()) {
            running.get().killAll();
            return;
        }
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        root.destroyForcibly();
        for (ProcessHandle handle : all) {
            handle.destroyForcibly();
        }
        // a child may have forked again between the snapshot and the kill
        root.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Returns the argument array that starts the command in a new session: {@code setsid --wait --}
     * before it where {@code setsid} exists. As {@code setsid} reports a missing program only by its
     * exit code, the program is looked up first, the way {@code execvp} will.
     */
    private static List<String> startArgv(Command command) throws ProgramNotFoundException {
        if (SETSID == null) {
            return command.argv();
        }
        String program = command.argv().get(0);
        String path = command.environment().getOrDefault("PATH", System.getenv("PATH"));
        if (findProgram(program, command.workingDirectory(), path) == null) {
            throw new ProgramNotFoundException(program, new IOException("no such executable file"
                    + (program.contains("/") ? "" : " on the PATH")));
        }
        List<String> argv = new ArrayList<>(List.of(SETSID.toString(), "--wait", "--"));
        argv.addAll(command.argv());
        return argv;
    }

    /** Returns the executable file a program name stands for, or null. */
    static Path findProgram(String program, Path workingDirectory, String path) {
        if (program.contains("/")) {
            Path file = workingDirectory == null ? Path.of(program) : workingDirectory.resolve(program);
            return Files.isRegularFile(file) && Files.isExecutable(file) ? file : null;
        }
        for (String directory : (path == null ? "" : path).split(":", -1)) {
            Path dir = directory.isEmpty() ? Path.of(".") : Path.of(directory);
            if (!dir.isAbsolute() && workingDirectory != null) {
                dir = workingDirectory.resolve(dir);
            }
            Path file = dir.resolve(program);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return file;
            }
        }
        return null;
    }

    private static Path findSetsid() {
        if (!ProcessSweep.procAvailable()) {
            return null;
        }
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            Path file = Path.of(candidate);
            if (Files.isExecutable(file)) {
                return file;
            }
        }
        return null;
    }

    private static void closeQuietly(Writer writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException ignored) {
                // the log is best effort once the command has ended
            }
        }
    }

    /** Reads one stream to its end, feeding the listener, the log and a capped tail. */
    private final class LineCollector extends Thread {
        private final InputStream input;
        private final OutputListener.Stream stream;
        private final OutputListener listener;
        private final Writer log;
        private final Deque<String> tail = new ArrayDeque<>();
        private final StringBuilder line = new StringBuilder();
        private final StringBuilder overflow = new StringBuilder();
        private boolean cut;
        private long kept;
        private boolean truncated;

        LineCollector(InputStream input, OutputListener.Stream stream, OutputListener listener, Writer log) {
            super("output-" + stream.name().toLowerCase());
            setDaemon(true);
            this.input = input;
            this.stream = stream;
            this.listener = listener == null ? OutputListener.NONE : listener;
            this.log = log;
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                int c;
                boolean afterReturn = false;
                while ((c = reader.read()) >= 0) {
                    if (c == '\n' && afterReturn) {
                        afterReturn = false;
                        continue;
                    }
                    afterReturn = c == '\r';
                    if (c == '\n' || c == '\r') {
                        endLine();
                    } else if (line.length() < MAX_LINE_CHARS) {
                        line.append((char) c);
                    } else {
                        overflow.append((char) c);
                        if (overflow.length() >= SPILL_CHARS) {
                            spill();
                        }
                    }
                }
                if (line.length() > 0 || cut) {
                    endLine();
                }
            } catch (IOException e) {
                // the stream closes when the process tree is killed; what was read is kept
            } catch (UncheckedIOException e) {
                // same, from a listener
            }
        }

        /** Hands a finished line to the tail, the log and the listener. */
        private void endLine() throws IOException {
            String text = line.toString();
            if (cut || overflow.length() > 0) {
                spill();
                log("\n");
            } else {
                log(text + "\n");
            }
            keep(text);
            line.setLength(0);
            cut = false;
            listener.line(stream, text);
        }

        /** Writes the part of a long line past {@link #MAX_LINE_CHARS} to the log only. */
        private void spill() throws IOException {
            if (!cut) {
                cut = true;
                markTruncated();
                log(line.toString());
            }
            log(overflow.toString());
            overflow.setLength(0);
        }

        private void log(String text) throws IOException {
            if (log != null) {
                synchronized (log) {
                    log.write(text);
                }
            }
        }

        private synchronized void markTruncated() {
            truncated = true;
        }

        private synchronized void keep(String line) {
            String value = line.length() > outputCap ? line.substring(line.length() - outputCap) : line;
            tail.addLast(value);
            kept += value.length() + 1;
            while (kept > outputCap && tail.size() > 1) {
                kept -= tail.removeFirst().length() + 1;
                truncated = true;
            }
            if (value.length() < line.length()) {
                truncated = true;
            }
        }

        synchronized String text() {
            return String.join("\n", tail) + (tail.isEmpty() ? "" : "\n");
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }
}
