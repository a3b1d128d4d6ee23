package org.virtregress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.hunt.CommandCommitProber;
import org.virtregress.hunt.Hunt;
import org.virtregress.hunt.HuntReport;
import org.virtregress.hunt.HuntRequest;
import org.virtregress.hunt.HuntResult;
import org.virtregress.hunt.InstallSettings;
import org.virtregress.hunt.SuiteLauncher;
import org.virtregress.install.Installers;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.suite.ResultFormat;
import org.virtregress.suite.ResultsSource;
import org.virtregress.suite.RerunTemplate;
import org.virtregress.suite.SuiteDefinition;
import org.virtregress.suite.SuiteRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virt-regress hunt}: from a failing suite and the archive to the culprit package, build and
 * commit, by itself. The engine's {@link Hunt} decides; this command reads the options, prints a
 * line per probe and writes the report.
 */
@Command(name = "hunt",
        header = "Hunt a regression from the archive down to the culprit package, build and commit.",
        description = {
            "Reproduce the failure on the failing set and the pass on the last good set, then find which",
            "package (when several changed), which archived build and which upstream commit broke the suite,",
            "confirming the culprit at every level. Every probe installs exact versions from the archive",
            "(verified from the package database) and runs the suite with VIRT_REGRESS_ROOT set to its",
            "install root. One state file holds every verdict: run the same command again to resume.",
            "Exit codes: 0 culprit found and confirmed, 6 inconclusive or unconfirmed, 1 no regression",
            "(the failing set passes or the good set fails), 2 usage or bad input, 3 archive or git",
            "repository unreadable, 4 leaving the host at the failing set failed, 5 a probe aborted."},
        mixinStandardHelpOptions = true)
public final class HuntCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--archive", required = true, paramLabel = "DIR", description = "The archive poll --archive keeps.")
    private Path archive;

    @Option(names = "--good", required = true, paramLabel = "NAME=VERSION",
            description = "A package of the last good set at its version (repeatable).")
    private List<String> good = new ArrayList<>();

    @Option(names = "--bad", paramLabel = "NAME=VERSION",
            description = "A package of the failing set at its version (repeatable; default: each package's newest"
                    + " archived build).")
    private List<String> bad = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "ARCH", description = "The architecture (default: the failing builds').")
    private String arch;

    @Option(names = "--manager", required = true, paramLabel = "zypper|dnf|apt", description = "The package manager.")
    private String manager;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Install into this root instead of the running system; {n} in it gives one root per probe.")
    private String root;

    @Option(names = "--repo", paramLabel = "URL", description = "A further repository for dependencies (repeatable).")
    private List<String> repositories = new ArrayList<>();

    @Option(names = "--no-gpg-check", description = "Do not check package signatures (unsigned test repositories only).")
    private boolean noGpgCheck;

    @Option(names = "--install-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time one install may take (default: 30m).")
    private Duration installTimeout = Duration.ofMinutes(30);

    @Option(names = "--format", paramLabel = "tap|junit|avocado", description = "Results format (default: tap).")
    private String format;

    @Option(names = "--results", paramLabel = "PATH|GLOB",
            description = "Results files the suite writes, relative to its working directory (default: TAP on"
                    + " standard output).")
    private String results;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Time one suite run (or one commit probe) may take (default: 30m).")
    private Duration timeout = Duration.ofMinutes(30);

    @Option(names = "--rerun-failed", paramLabel = "N", description = "Rerun each failed TAP case up to N times.")
    private int rerunFailed;

    @Option(names = "--name", paramLabel = "NAME", description = "Suite name (default: the program's file name).")
    private String name;

    @Option(names = {"-C", "--workdir"}, paramLabel = "DIR",
            description = "Working directory of the suite (default: a fresh directory per probe).")
    private Path suiteDirectory;

    @Option(names = "--source", paramLabel = "PACKAGE=GITDIR",
            description = "A package's upstream git repository, for the commit level (repeatable).")
    private List<String> sources = new ArrayList<>();

    @Option(names = "--commit-probe", paramLabel = "ARGV",
            description = {"Command that builds, installs and tests a commit in a worktree checked out at it: words",
                "separated by spaces or a JSON array; {root} is the probe's install root. Exit 0 good, 125 skip,",
                "1-127 bad, 128+ aborts."})
    private String commitProbe;

    @Option(names = "--tag", paramLabel = "TEMPLATE",
            description = "Tag of an upstream version when a build names no commit, e.g. 'v%%{version}'.")
    private String tag;

    @Option(names = "--good-revision", paramLabel = "REV", description = "Upstream revision of the last good build.")
    private String goodRevision;

    @Option(names = "--bad-revision", paramLabel = "REV", description = "Upstream revision of the first bad build.")
    private String badRevision;

    @Option(names = "--probes", paramLabel = "K", defaultValue = "1",
            description = "Probes run at once (default: ${DEFAULT-VALUE}); give --root with {n} for K roots.")
    private int probes;

    @Option(names = "--confirm", paramLabel = "M", defaultValue = "3",
            description = "Confirmation runs of the culprit and its parent at each level (default: ${DEFAULT-VALUE}).")
    private int confirm;

    @Option(names = "--flaky",
            description = "Search the build and commit levels for an intermittent failure: keep a posterior over the"
                    + " culprit, choose each run to learn the most, stop at --confidence or --max-runs; the failing"
                    + " set is re-run until it fails. Chosen by itself at a level when the runs of one build or commit"
                    + " disagree. The commit level follows the first-parent chain.")
    private boolean flaky;

    @Option(names = "--confidence", defaultValue = "0.99", paramLabel = "P",
            description = "With --flaky: the posterior the culprit must reach, above 0.5 and below 1"
                    + " (default: ${DEFAULT-VALUE}).")
    private double confidence;

    @Option(names = "--max-runs", defaultValue = "1000", paramLabel = "N",
            description = "With --flaky: the most test runs of a level, the bad end's included, and of the failing set"
                    + " while reproducing (default: ${DEFAULT-VALUE}).")
    private int maxRuns;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The hunt's state file: every verdict; an existing one is resumed (default: DIR/hunt-state.json"
                    + " with --report, else none).")
    private Path state;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Write report.json, report.html, report.txt, hunt.json and the probes' logs to DIR.")
    private Path report;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The suite command and its arguments, after --.")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HuntRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            err.println("virt-regress hunt: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Hunt hunt = new Hunt(request, line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        HuntResult result;
        try {
            result = hunt.run();
        } catch (IOException e) {
            err.println("virt-regress hunt: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("virt-regress hunt: interrupted; run it again with the same --state to resume");
            err.flush();
            return ExitCodes.INCONCLUSIVE;
        }
        HuntReport huntReport = hunt.report();
        if (report != null) {
            HuntReport.Files files = huntReport.write(report, "virt-regress hunt: " + String.join(", ",
                    result.bad().keySet()));
            out.println("report: " + files.html() + " (also " + files.json().getFileName() + ", "
                    + files.textFile().getFileName() + ", " + files.hunt().getFileName() + ")");
        } else {
            out.print(huntReport.levels());
        }
        out.flush();
        if (result.ending() == HuntResult.Ending.BAD_INPUT) {
            err.println("virt-regress hunt: " + result.message());
            err.flush();
        }
        return exitCode(result.ending());
    }

    static int exitCode(HuntResult.Ending ending) {
        return switch (ending) {
            case COMMIT, BUILD, PACKAGING -> ExitCodes.OK;
            case INCONCLUSIVE -> ExitCodes.INCONCLUSIVE;
            case NO_REGRESSION -> ExitCodes.TEST_FAILURES;
            case BAD_INPUT -> ExitCodes.USAGE;
            case REPOSITORY -> ExitCodes.REPOSITORY;
            case RESTORE_FAILED -> ExitCodes.INSTALL;
            case ABORTED -> ExitCodes.SUITE_ERROR;
        };
    }

    private HuntRequest request() throws IOException {
        if (probes < 1 || confirm < 0) {
            throw new IllegalArgumentException("--probes must be at least 1 and --confirm at least 0");
        }
        try {
            FlakyBisector.checkConfidence(confidence);
            FlakyBisector.checkMaxRuns(maxRuns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--confidence must be above 0.5 and below 1 and --max-runs at least 1: "
                    + confidence + ", " + maxRuns, e);
        }
        Path work = report != null ? report.toAbsolutePath() : Files.createTempDirectory("virt-regress-hunt-");
        Path stateFile = state != null ? state.toAbsolutePath()
                : report != null ? work.resolve("hunt-state.json") : null;
        InstallSettings install = new InstallSettings(Installers.forManager(manager, new ProcessRunner()),
                repositories, !noGpgCheck, installTimeout, null);
        HuntRequest.Builder builder = HuntRequest.builder(archive.toAbsolutePath(), install, launcher(), work)
                .arch(arch).root(root).probes(probes).confirm(confirm).flaky(flaky).confidence(confidence)
                .maxRuns(maxRuns).stateFile(stateFile)
                .tagTemplate(tag).revisions(goodRevision, badRevision);
        pairs("--good", good).forEach(builder::good);
        pairs("--bad", bad).forEach(builder::bad);
        for (Map.Entry<String, String> source : pairs("--source", sources).entrySet()) {
            Path dir = Path.of(source.getValue()).toAbsolutePath();
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--source " + source.getKey() + "=" + source.getValue()
                        + ": no such directory");
            }
            builder.source(source.getKey(), dir);
        }
        if (commitProbe != null) {
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("--commit-probe needs --source PACKAGE=GITDIR");
            }
            builder.commitProber(new CommandCommitProber(TestCommand.words(commitProbe), timeout, work));
        } else if (!sources.isEmpty()) {
            throw new IllegalArgumentException("--source needs --commit-probe ARGV, the command that tests a commit");
        }
        return builder.build();
    }

    private SuiteLauncher launcher() {
        ResultFormat resultFormat = format != null ? ResultFormat.fromName(format) : ResultFormat.TAP;
        if (results == null && resultFormat != ResultFormat.TAP) {
            throw new IllegalArgumentException("--format " + format + " needs --results PATH|GLOB");
        }
        if (rerunFailed < 0) {
            throw new IllegalArgumentException("--rerun-failed must not be negative");
        }
        String suiteName = name != null ? name : Path.of(command.get(0)).getFileName().toString();
        List<String> argv = List.copyOf(command);
        Path directory = suiteDirectory == null ? null : suiteDirectory.toAbsolutePath();
        SuiteRunner runner = new SuiteRunner();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("command", argv.toString());
        settings.put("name", suiteName);
        settings.put("format", resultFormat.name().toLowerCase(Locale.ROOT));
        settings.put("results", results == null ? "standard output" : results);
        settings.put("timeout", timeout.toString().substring(2).toLowerCase(Locale.ROOT));
        settings.put("rerun failed", Integer.toString(rerunFailed));
        settings.put("workdir", directory == null ? "a fresh directory per probe" : directory.toString());
        return SuiteLauncher.of(settings, (installRoot, work) -> {
            SuiteDefinition.Builder suite = SuiteDefinition.builder(suiteName, argv).timeout(timeout)
                    .workingDirectory(directory != null ? directory : work).logDirectory(work)
                    .env("VIRT_REGRESS_ROOT", installRoot == null ? "/" : installRoot.toString());
            if (results != null) {
                suite.results(ResultsSource.files(results), resultFormat);
            }
            if (rerunFailed > 0) {
                List<String> rerun = new ArrayList<>(argv);
                rerun.add(RerunTemplate.CASE);
                suite.rerunFailed(new RerunTemplate(rerun), rerunFailed);
            }
            return runner.run(suite.build(), OutputListener.NONE);
        });
    }

    private static Map<String, String> pairs(String option, List<String> values) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String value : values) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new IllegalArgumentException(option + " " + value + ": expected NAME=VALUE");
            }
            if (map.put(value.substring(0, eq), value.substring(eq + 1)) != null) {
                throw new IllegalArgumentException(option + " names " + value.substring(0, eq).toLowerCase(Locale.ROOT)
                        + " twice");
            }
        }
        return map;
    }
}
