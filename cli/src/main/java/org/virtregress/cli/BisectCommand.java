package org.virtregress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.virtregress.bisect.BisectQuestion;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectRangeException;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.CandidateDetails;
import org.virtregress.bisect.CommandProbe;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.bisect.FlakyFigures;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.ProgressListener;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportFiles;
import org.virtregress.storage.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virt-regress bisect}: finds the commit that broke a command, like {@code git bisect run},
 * with k probes per round in separate worktrees, repeats, confirmation and a resumable state file.
 */
@Command(name = "bisect",
        header = "Find the commit that broke a test, git-bisect style, with repeats and confirmation.", mixinStandardHelpOptions = true,
        description = {
            "Find the first bad commit between good and bad revisions by running COMMAND in a worktree of",
            "each probed commit (the user's checkout is never touched). Exit codes of COMMAND follow",
            "'git bisect run': 0 good, 125 skip, 1-127 bad, 128 and above abort.",
            "Exits 0 when the culprit is confirmed, 6 when inconclusive, unconfirmed or unreproducible,",
            "5 when aborted, 3 on repository errors, 2 on usage errors."})
public final class BisectCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "DIR", description = "The git repository.")
    private Path repo;

    @Option(names = "--good", required = true, paramLabel = "REV", description = "A good revision (repeatable).")
    private List<String> goods;

    @Option(names = "--bad", required = true, paramLabel = "REV", description = "The bad revision.")
    private String bad;

    @Option(names = "--path", paramLabel = "P", description = "Only consider commits touching P (repeatable).")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--first-parent", description = "Follow only the first parent of merges.")
    private boolean firstParent;

    @Option(names = "--probes", defaultValue = "1", paramLabel = "K",
            description = "Probes to run at once per round, each in its own worktree (default: ${DEFAULT-VALUE}).")
    private int probes;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N",
            description = "Run each probe up to N times; one failure makes it bad (default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--confirm", defaultValue = "3", paramLabel = "M",
            description = "Confirmation probes of the culprit and its parent; 0 turns it off (default: ${DEFAULT-VALUE}).")
    private int confirm;

    @Option(names = "--runs-must-agree",
            description = "With --repeat: mixed runs make a commit weak (retested once, then left untestable)"
                    + " instead of bad.")
    private boolean runsMustAgree;

    @Option(names = "--same-failure",
            description = "Count a failure with another exit code than the bad revision's as skip, not bad.")
    private boolean sameFailure;

    @Option(names = "--flaky",
            description = "Search for an intermittent failure: keep a posterior over the culprit, choose each run to"
                    + " learn the most, stop at --confidence or --max-runs. Chosen by itself when the bad end passes"
                    + " some runs and fails others. Follows the first-parent chain.")
    private boolean flaky;

    @Option(names = "--confidence", defaultValue = "0.99", paramLabel = "P",
            description = "With --flaky: the posterior the culprit must reach, above 0.5 and below 1"
                    + " (default: ${DEFAULT-VALUE}).")
    private double confidence;

    @Option(names = "--max-runs", defaultValue = "1000", paramLabel = "N",
            description = "With --flaky: the most test runs in all, the bad end's included (default: ${DEFAULT-VALUE}).")
    private int maxRuns;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Write every verdict to FILE; resume from it when it exists.")
    private Path state;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write the report (report.json, report.html, report.txt), bisect.json and the probe logs to DIR.")
    private Path report;

    @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION",
            description = "Kill a probe after this long and skip its commit: 90s, 30m, 2h or PT1M (default: ${DEFAULT-VALUE}).")
    private String timeout;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments, after --.")
    private List<String> command;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration limit = parseDuration(timeout);
        if (probes < 1 || repeat < 1 || confirm < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--probes and --repeat must be at least 1 and --confirm at least 0");
        }
        Path workRoot = null;
        Path logs = null;
        boolean started = false;
        Map<ProbeRecord, Integer> remainingAfter = Collections.synchronizedMap(new IdentityHashMap<>());
        ProgressListener listener = (record, remaining) -> {
            remainingAfter.put(record, remaining);
            progress(out, record, remaining);
        };
        FlakyBisector.Builder flakySettings;
        try {
            flakySettings = FlakyBisector.builder().probes(probes).confidence(confidence).maxRuns(maxRuns)
                    .sameFailure(sameFailure).stateFile(state).listener(listener);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--confidence must be above 0.5 and below 1"
                    + " and --max-runs at least 1: " + e.getMessage());
        }
        try (CommitGraph graph = CommitGraph.open(repo)) {
            String badId = graph.resolve(bad);
            workRoot = Files.createTempDirectory("virt-regress-bisect");
            logs = report != null ? report.resolve("logs") : workRoot.resolve("logs");
            BisectResult result;
            BisectRange range;
            try (CommandProbe probe = CommandProbe.builder(repo, command).timeout(limit).workRoot(workRoot)
                    .logDirectory(logs).build()) {
                if (!probe.prunedWorktrees().isEmpty()) {
                    out.println("Removed " + probe.prunedWorktrees().size() + " worktree(s) an interrupted bisection"
                            + " left in " + repo + ": " + probe.prunedWorktrees());
                }
                Thread cleanup = new Thread(() -> closeQuietly(probe), "bisect-worktree-cleanup");
                Runtime.getRuntime().addShutdownHook(cleanup);
                try {
                    // The bad end is tested first: its worktree is checked out while the history is walked.
                    probe.prepare(badId);
                    range = graph.range(goods, bad, paths, firstParent || flaky);
                    out.printf("Bisecting %d candidates between good %s and bad %s%s%s%n", range.size(),
                            String.join(", ", range.goods()), range.bad(),
                            probes > 1 ? " with " + probes + " probes per round" : "",
                            flaky ? String.format(Locale.ROOT, ", flaky-aware (confidence %s, at most %d runs)",
                                    confidence, maxRuns) : "");
                    out.flush();
                    started = true;
                    BisectQuestion question = new BisectQuestion(repo.toRealPath().toString(), paths,
                            firstParent || flaky, command, limit);
                    FlakyBisector flakySearch = flakySettings.question(question).build();
                    if (flaky) {
                        result = flakySearch.run(range, probe);
                    } else {
                        result = flakySearch.runAfter(Bisector.builder().probes(probes).repeat(repeat).confirm(confirm)
                                .failureWins(!runsMustAgree).sameFailure(sameFailure).stateFile(state)
                                .question(question).listener(listener).build(), range, probe, notice -> {
                                    out.println(notice);
                                    out.flush();
                                });
                    }
                } finally {
                    removeHook(cleanup);
                }
            }
            ReportFiles files = null;
            if (report != null) {
                Json.writeAtomically(report.resolve("bisect.json"), result);
                files = ReportFiles.write(regressionReport(result, range, remainingAfter), report);
            }
            printResult(out, result);
            if (files == null) {
                out.println("Logs: " + logs);
            } else {
                out.println("Report: " + files.html() + " (" + files.json().getFileName() + ", "
                        + files.textFile().getFileName() + ", bisect.json and the logs beside it)");
            }
            return exitCode(result.outcome());
        } catch (BisectRangeException e) {
            err.println("virt-regress bisect: " + e.getMessage());
            return ExitCodes.REPOSITORY;
        } catch (IOException e) {
            err.println("virt-regress bisect: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("virt-regress bisect: interrupted");
            return ExitCodes.INCONCLUSIVE;
        } finally {
            // Without --report the logs live in the work root: kept once a probe may have run.
            if (workRoot != null && (report != null || !started)) {
                deleteQuietly(workRoot);
            }
            if (logs != null && !started) {
                deleteIfEmpty(logs);
            }
        }
    }

    /** The regression report of the bisection, made by the engine's report factories. */
    private RegressionReport regressionReport(BisectResult result, BisectRange range,
                                              Map<ProbeRecord, Integer> remainingAfter) throws IOException {
        String repository = repo.toRealPath().toUri().toString();
        CommitBisection section = CommitBisection.from(repository, result,
                id -> range.catalog().describe(id).subject(), remainingAfter::get);
        return RegressionReport.builder("Bisection of " + repo.toRealPath().getFileName() + ": "
                        + org.virtregress.process.Command.of(command).build().display(), Instant.now())
                .commitBisection(section).build();
    }

    private static int exitCode(Outcome outcome) {
        return switch (outcome) {
            case COMPLETE -> ExitCodes.OK;
            case ABORTED -> ExitCodes.SUITE_ERROR;
            default -> ExitCodes.INCONCLUSIVE;
        };
    }

    private static void progress(PrintWriter out, ProbeRecord record, int remaining) {
        String where = switch (record.phase()) {
            case VERIFY -> "bad end ";
            case BISECT -> String.format(Locale.ROOT, "round %-3d", record.round());
            case CONFIRM -> "confirm ";
        };
        out.printf(Locale.ROOT, "[%s] %s %-4s (%d run%s, %.1f s) %s; %d left%n", where, shortId(record.candidate()),
                record.verdict().name().toLowerCase(Locale.ROOT), record.runs(), record.runs() == 1 ? "" : "s",
                record.duration().toMillis() / 1000.0, record.reason(), remaining);
        out.flush();
    }

    private static void printResult(PrintWriter out, BisectResult result) {
        out.println();
        out.println("Outcome: " + result.outcome() + ": " + result.reason());
        if (result.culprit() != null) {
            out.println("First bad commit: " + result.culprit().id());
            describe(out, result.culprit());
        }
        if (!result.range().isEmpty()) {
            out.println("The first bad commit is one of:");
            for (CandidateDetails candidate : result.range()) {
                out.println("  " + candidate.id() + " " + candidate.subject());
            }
        }
        FlakyFigures figures = result.flaky();
        if (figures != null) {
            out.printf(Locale.ROOT, "Confidence: %.4f (target %s)%s; the bad end failed %d of %d runs;"
                    + " estimated failure rate %.2f on bad commits, %.3f on good ones%n", figures.confidence(),
                    figures.target(), figures.introduced() == null ? "" : String.format(Locale.ROOT,
                            ", introduced by the culprit %.4f", figures.introduced()), figures.badEndFailures(),
                    figures.badEndRuns(), figures.failWhenBad(), figures.failWhenGood());
            out.println("Posterior over the final range (oldest first):");
            for (FlakyFigures.Position position : figures.posterior()) {
                if (position.probability() >= 0.001) {
                    out.printf(Locale.ROOT, "  %s %.4f (%d of %d runs failed)%n", shortId(position.id()),
                            position.probability(), position.failures(), position.runs());
                }
            }
        }
        result.notes().forEach(note -> out.println("Note: " + note));
        out.printf(Locale.ROOT, "Probes: %d in %d rounds, %d test runs, %.1f s%n", result.bisectionProbes(),
                result.rounds(), result.testRuns(), result.wallTime().toMillis() / 1000.0);
        out.flush();
    }

    private static void describe(PrintWriter out, CandidateDetails culprit) {
        if (culprit.author() != null) {
            out.println("Author: " + culprit.author());
        }
        if (culprit.date() != null) {
            out.println("Date: " + culprit.date());
        }
        out.println("Subject: " + culprit.subject());
        if (!culprit.filesChanged().isEmpty()) {
            out.println("Files changed:");
            culprit.filesChanged().forEach(file -> out.println("  " + file));
        }
    }

    private static String shortId(String id) {
        return id.length() == 40 ? id.substring(0, 12) : id;
    }

    private Duration parseDuration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (value.startsWith("pt") || value.startsWith("p")) {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } else if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("s")) {
                duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            } else if (value.endsWith("m")) {
                duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            } else if (value.endsWith("h")) {
                duration = Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
            } else {
                duration = Duration.ofSeconds(Long.parseLong(value));
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new NumberFormatException("not positive");
            }
            return duration;
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--timeout: not a positive duration: '" + text + "' (use 90s, 30m, 2h or PT1M)");
        }
    }

    /** Removes the worktrees when the bisection is interrupted (Ctrl-C); the state file keeps the verdicts. */
    private static void closeQuietly(CommandProbe probe) {
        try {
            probe.close();
        } catch (IOException e) {
            // the JVM is going down; git worktree prune removes what is left
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs
        }
    }

    private static void deleteIfEmpty(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // not empty: logs of an earlier run stay
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
