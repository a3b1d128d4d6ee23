package org.virtregress.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.process.ProgramNotFoundException;

/**
 * Runs a {@link SuiteDefinition}: starts its command through a {@link ProcessRunner} (full output
 * in a log file, a capped copy in memory, the process tree killed on timeout), reads its results,
 * then reruns each failed case up to the configured number of times to tell a flaky case from a
 * real failure, keeping every attempt. Exit codes never decide the outcome: the results do, and a
 * suite that timed out, could not start, or wrote no or unreadable results is an ERROR.
 * Thread-safe: one runner may run several suites at once.
 */
public final class SuiteRunner {
    private final ProcessRunner processes;

    /** Creates a runner over a default {@link ProcessRunner}. */
    public SuiteRunner() {
        this(new ProcessRunner());
    }

    /**
     * Creates a runner.
     *
     * @param processes the process runner (its output cap bounds the memory per command)
     */
    public SuiteRunner(ProcessRunner processes) {
        this.processes = Objects.requireNonNull(processes, "processes");
    }

    /**
     * Runs a suite and its reruns.
     *
     * @param suite the suite
     * @return the result; problems of the suite are an ERROR result, not an exception
     * @throws InterruptedException if the thread is interrupted; the running process tree is killed first
     */
    public SuiteResult run(SuiteDefinition suite) throws InterruptedException {
        return run(suite, OutputListener.NONE);
    }

    /**
     * Runs a suite and its reruns, passing every output line to a listener as well.
     *
     * @param suite the suite
     * @param listener receives every line of the suite and its reruns
     * @return the result
     * @throws InterruptedException if the thread is interrupted; the running process tree is killed first
     */
    public SuiteResult run(SuiteDefinition suite, OutputListener listener) throws InterruptedException {
        long start = System.nanoTime();
        Path logs;
        try {
            logs = suite.logDirectory() != null ? Files.createDirectories(suite.logDirectory())
                    : Files.createTempDirectory("suite-" + safe(suite.name()) + "-");
        } catch (IOException e) {
            return SuiteResult.of(suite.name(), List.of(), List.of(), Duration.ZERO,
                    "cannot create the log directory of suite " + suite.name() + ": " + e.getMessage(), null);
        }
        Path log = logs.resolve(safe(suite.name()) + ".log");
        Outcome first = runOnce(suite, suite.argv(), log, listener);
        List<SuiteAttempt> attempts = new ArrayList<>();
        attempts.add(first.attempt(null, 1));
        List<CaseResult> cases = new ArrayList<>();
        for (CaseResult c : first.parsed.cases()) {
            cases.add(c.logPaths().isEmpty() ? c.withLogPaths(List.of(log.toString())) : c);
        }
        String error = first.error();
        if (suite.rerunTemplate() != null && !first.timedOutOrFailedToStart()) {
            for (int i = 0; i < cases.size(); i++) {
                if (cases.get(i).status().failing()) {
                    cases.set(i, rerun(suite, cases.get(i), logs, attempts, listener));
                }
            }
        }
        return SuiteResult.of(suite.name(), cases, attempts, Duration.ofNanos(System.nanoTime() - start), error,
                log.toString());
    }

    private CaseResult rerun(SuiteDefinition suite, CaseResult failed, Path logs, List<SuiteAttempt> attempts,
                             OutputListener listener) throws InterruptedException {
        CaseResult current = failed;
        for (int attempt = 2; attempt <= suite.reruns() + 1; attempt++) {
            Path log = logs.resolve(safe(suite.name()) + "-rerun-" + safe(failed.id()) + "-" + attempt + ".log");
            Outcome outcome = runOnce(suite, suite.rerunTemplate().commandFor(failed), log, listener);
            attempts.add(outcome.attempt(failed.id(), attempt));
            CaseResult match = find(outcome.parsed.cases(), failed);
            CaseAttempt rerun;
            if (match == null) {
                String why = outcome.error() != null ? outcome.error()
                        : "the rerun did not report a result for " + failed.id();
                rerun = new CaseAttempt(attempt, CaseStatus.ERROR, outcome.result == null ? null
                        : outcome.result.duration(), why, null, List.of(log.toString()));
            } else {
                List<String> paths = new ArrayList<>(match.logPaths());
                paths.add(log.toString());
                rerun = new CaseAttempt(attempt, match.status(), match.duration(), match.failureReason(),
                        match.outputExcerpt(), paths);
            }
            current = current.withRerun(rerun);
            if (current.flaky()) {
                break;
            }
        }
        return current;
    }

    private static CaseResult find(List<CaseResult> cases, CaseResult wanted) {
        for (CaseResult c : cases) {
            if (c.id().equals(wanted.id())) {
                return c;
            }
        }
        for (CaseResult c : cases) {
            if (c.name().equals(wanted.name())) {
                return c;
            }
        }
        List<CaseResult> ran = cases.stream()
                .filter(c -> c.status() != CaseStatus.SKIP && c.status() != CaseStatus.CANCEL).toList();
        return ran.size() == 1 ? ran.get(0) : null;
    }

    private Outcome runOnce(SuiteDefinition suite, List<String> argv, Path log, OutputListener listener)
            throws InterruptedException {
        ResultsSource source = suite.results();
        TapStream tap = source.fromStdout()
                ? new TapStream(suite.name() + " standard output", source.beginMarker(), source.endMarker()) : null;
        OutputListener forward = listener == null ? OutputListener.NONE : listener;
        OutputListener both = (stream, line) -> {
            if (tap != null && stream == OutputListener.Stream.STDOUT) {
                synchronized (tap) {
                    tap.accept(line);
                }
            }
            forward.line(stream, line);
        };
        Command.Builder command = Command.of(argv).env(suite.environment()).timeout(suite.timeout()).logFile(log);
        if (suite.workingDirectory() != null) {
            command.workingDirectory(suite.workingDirectory());
        }
        FileTime started = FileTime.fromMillis(System.currentTimeMillis());
        CommandResult result;
        try {
            result = processes.run(command.build(), both);
        } catch (ProgramNotFoundException e) {
            return new Outcome(argv, null, log, new ParsedCases(List.of(), List.of()), "suite " + suite.name()
                    + " could not start: " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(argv, null, log, new ParsedCases(List.of(), List.of()), "suite " + suite.name()
                    + " could not run: " + e.getMessage());
        }
        ParsedCases parsed;
        if (tap != null) {
            synchronized (tap) {
                parsed = tap.finish();
            }
        } else {
            parsed = readFiles(suite, started);
        }
        String problem = null;
        if (result.timedOut()) {
            problem = "suite " + suite.name() + " timed out after " + suite.timeout().toSeconds()
                    + " s and was killed";
        }
        return new Outcome(argv, result, log, parsed, problem);
    }

    private static ParsedCases readFiles(SuiteDefinition suite, FileTime started) {
        Path base = suite.workingDirectory() != null ? suite.workingDirectory() : Path.of("");
        String pattern = suite.results().pattern();
        List<Path> files;
        List<Path> fresh = new ArrayList<>();
        try {
            files = ResultFiles.find(pattern, base);
            for (Path file : files) {
                if (ResultFiles.writtenSince(file, started)) {
                    fresh.add(file);
                }
            }
        } catch (IOException e) {
            return new ParsedCases(List.of(), List.of("cannot list results " + pattern + ": " + e.getMessage()));
        }
        if (fresh.isEmpty()) {
            String why = files.isEmpty() ? "no results file matches " + pattern
                    : "no results file matching " + pattern + " was written by this run (only older ones: "
                    + files.get(0) + (files.size() > 1 ? " and " + (files.size() - 1) + " more" : "") + ")";
            return new ParsedCases(List.of(), List.of(why));
        }
        List<CaseResult> cases = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        ResultParser parser = suite.format().parser();
        for (Path file : fresh) {
            ParsedCases parsed = parser.parse(file);
            cases.addAll(parsed.cases());
            errors.addAll(parsed.errors());
        }
        return new ParsedCases(cases, errors);
    }

    static String safe(String text) {
        String value = text.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (value.length() > 80) {
            value = value.substring(0, 60) + "-" + Integer.toHexString(text.hashCode());
        }
        return value.isEmpty() || value.startsWith(".") ? "_" + value : value;
    }

    /** One command run and what was read from it. */
    private record Outcome(List<String> argv, CommandResult result, Path log, ParsedCases parsed, String problem) {
        String error() {
            List<String> all = new ArrayList<>();
            if (problem != null) {
                all.add(problem);
            }
            all.addAll(parsed.errors());
            return all.isEmpty() ? null : String.join("; ", all);
        }

        boolean timedOutOrFailedToStart() {
            return result == null || result.timedOut();
        }

        SuiteAttempt attempt(String caseId, int number) {
            return new SuiteAttempt(caseId, number, argv, result == null ? -1 : result.exitCode(),
                    result != null && result.timedOut(), result == null ? Duration.ZERO : result.duration(),
                    log.toString());
        }
    }
}
