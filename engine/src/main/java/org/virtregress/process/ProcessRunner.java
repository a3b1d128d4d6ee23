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
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Command}s: starts the program directly from its argument array (there is no shell),
 * closes its standard input, streams its output line by line to an {@link OutputListener} (each
 * line cut at {@link #MAX_LINE_CHARS}, so that a program printing gigabytes without a newline
 * cannot exhaust memory; the log file keeps every character), keeps a capped tail of it, and kills the whole process tree when the timeout passes or the calling
 * thread is interrupted. Thread-safe: one runner may run many commands at once.
 */
public final class ProcessRunner {
    /** Default number of output characters kept in memory per stream. */
    public static final int DEFAULT_OUTPUT_CAP = 1 << 20;

    /**
     * Characters of one output line handed to the listener and kept in the tail; the rest of a
     * longer line goes to the log file only, and the result is marked truncated.
     */
    public static final int MAX_LINE_CHARS = 64 * 1024;

    private static final int SPILL_CHARS = 8192;
    private static final File DEV_NULL = new File("/dev/null");

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
        ProcessBuilder builder = new ProcessBuilder(command.argv());
        if (command.workingDirectory() != null) {
            builder.directory(command.workingDirectory().toFile());
        }
        builder.environment().putAll(command.environment());
        builder.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        builder.redirectErrorStream(command.mergeStderr());

        Writer log = command.logFile() == null ? null
                : Files.newBufferedWriter(command.logFile(), StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
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
        boolean timedOut = false;
        try {
            if (!process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                timedOut = true;
                killTree(process.toHandle());
                process.waitFor(10, TimeUnit.SECONDS);
            }
            out.join(TimeUnit.SECONDS.toMillis(10));
            if (err != null) {
                err.join(TimeUnit.SECONDS.toMillis(10));
            }
        } catch (InterruptedException e) {
            killTree(process.toHandle());
            throw e;
        } finally {
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
     * Kills a process and every descendant, children first collected so none is orphaned first.
     *
     * @param root the process whose tree is killed
     */
    public static void killTree(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        root.destroyForcibly();
        for (ProcessHandle handle : all) {
            handle.destroyForcibly();
        }
        // a child may have forked again between the snapshot and the kill
        root.descendants().forEach(ProcessHandle::destroyForcibly);
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
