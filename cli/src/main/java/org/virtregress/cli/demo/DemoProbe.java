package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;
import org.virtregress.install.InstallException;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.process.ProgramNotFoundException;
import org.virtregress.suite.FailureSignature;
import org.virtregress.suite.SuiteResult;

/**
 * Tests one candidate of a bisection on the demo's test host: gets its package (a build from the
 * archive, or an rpm built at a commit), publishes it in a repository of its own, installs it into
 * a fresh root with the real package manager and boots the guest. The guest's verdict decides:
 * passed is GOOD, failed is BAD (with the failure signature), and a package that cannot be built
 * or installed or a guest that errs is SKIP. Thread-safe: each probe works in its own directory.
 */
final class DemoProbe implements Probe {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    /** Finds the package of a candidate: its version-release and its rpm file. */
    interface Packages {
        /**
         * Returns the package of a candidate.
         *
         * @param candidate the candidate
         * @return the package
         * @throws IOException if it cannot be had (a failed build, for example)
         * @throws InterruptedException if interrupted
         */
        CandidatePackage packageOf(Candidate candidate) throws IOException, InterruptedException;
    }

    /**
     * A candidate's package.
     *
     * @param version the version-release
     * @param rpm the rpm file
     */
    record CandidatePackage(String version, Path rpm) {
    }

    private final Packages packages;
    private final DemoHost host;
    private final Path directory;
    private final ProcessRunner runner;
    private final Path reportDirectory;
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * Creates a probe.
     *
     * @param packages finds each candidate's package
     * @param host installs and boots
     * @param directory where each probe gets its own subdirectory
     * @param runner runs createrepo_c
     * @param reportDirectory the report's directory, against which log references are made relative
     */
    DemoProbe(Packages packages, DemoHost host, Path directory, ProcessRunner runner, Path reportDirectory) {
        this.packages = packages;
        this.host = host;
        this.directory = directory;
        this.runner = runner;
        this.reportDirectory = reportDirectory;
    }

    @Override
    public ProbeResult probe(Candidate candidate) throws ProbeAbortedException, InterruptedException {
        long start = System.nanoTime();
        Path work = directory.resolve(String.format(Locale.ROOT, "%02d-%s", sequence.incrementAndGet(),
                candidate.shortId()));
        try {
            CandidatePackage pkg = packages.packageOf(candidate);
            String repository = publish(pkg.rpm(), work.resolve("repo"));
            DemoHost.Outcome outcome = host.test(pkg.version(), repository, work.resolve("root"), work.resolve("guest"),
                    OutputListener.NONE);
            ProbeResult result = verdict(outcome, elapsed(start));
            return result.logRef() == null ? result : new ProbeResult(result.verdict(), result.runs(),
                    result.duration(), relative(result.logRef()), result.failureSignature(), result.reason());
        } catch (ProgramNotFoundException e) {
            throw new ProbeAbortedException(e.getMessage() + " (scripts/install-test-tools installs it)", e);
        } catch (InstallException e) {
            return result(Verdict.SKIP, elapsed(start), null, null, "install failed: " + e.getMessage());
        } catch (IOException e) {
            return result(Verdict.SKIP, elapsed(start), null, null, e.getMessage());
        }
    }

    private String publish(Path rpm, Path repo) throws IOException, InterruptedException {
        Files.createDirectories(repo);
        Files.copy(rpm, repo.resolve(rpm.getFileName()));
        CommandResult result = runner.run(Command.of("createrepo_c", "--quiet", "--no-database", repo.toString())
                .timeout(TIMEOUT).build(), OutputListener.NONE);
        if (!result.succeeded()) {
            throw new IOException("createrepo_c failed for " + rpm.getFileName() + ": " + result.describe());
        }
        return repo.toUri().toString();
    }

    private String relative(String log) {
        Path path = Path.of(log);
        return path.isAbsolute() ? reportDirectory.relativize(path).toString() : log;
    }

    static ProbeResult verdict(DemoHost.Outcome outcome, Duration duration) {
        if (!outcome.install().success()) {
            return result(Verdict.SKIP, duration, null, null, "install failed: " + outcome.install().error());
        }
        SuiteResult suite = outcome.suite();
        return switch (suite.status()) {
            case PASSED -> result(Verdict.GOOD, duration, suite.logPath(), null,
                    suite.totals().passed() + " checks passed");
            case FAILED -> result(Verdict.BAD, duration, suite.logPath(), signature(suite),
                    suite.failures().stream().map(c -> c.id() + ": " + c.failureReason())
                            .collect(Collectors.joining("; ")));
            case ERROR -> result(Verdict.SKIP, duration, suite.logPath(), null, "guest error: " + suite.errorMessage());
        };
    }

    /** Returns the failure signature of a failed suite: its failed cases' signatures, joined. */
    static String signature(SuiteResult suite) {
        return suite.failureSignatures().stream().map(FailureSignature::text).sorted()
                .collect(Collectors.joining("; "));
    }

    private static ProbeResult result(Verdict verdict, Duration duration, String log, String signature, String reason) {
        return new ProbeResult(verdict, 1, duration, log, signature, reason);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
