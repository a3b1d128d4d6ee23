package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;
import org.virtregress.install.InstallException;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.InstallResult;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.process.ProgramNotFoundException;
import org.virtregress.suite.FailureSignature;
import org.virtregress.suite.SuiteResult;

/**
 * Tests one package set on a free install root: publishes the set's archived package files in a
 * repository of the probe's own (createrepo_c; for apt a flat repository indexed by apt-ftparchive),
 * installs exactly those versions with the package
 * manager (verified from the package database), then runs the suite. Passed is GOOD, failed is BAD
 * with the failed cases' signatures, and an install that fails or a suite that errs is SKIP.
 * Thread-safe: each probe works in its own directory and on a root nobody else uses meanwhile.
 */
final class PackageSetTester implements SetTester {
    private static final Duration CREATEREPO_TIMEOUT = Duration.ofMinutes(5);

    private final InstallSettings install;
    private final SuiteLauncher suite;
    private final InstallRoots roots;
    private final Path directory;
    private final ProcessRunner runner;
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * One test of one set.
     *
     * @param result the verdict
     * @param install the install record, or {@code null} when the install could not start
     * @param suite the suite's result, or {@code null} when it did not run
     */
    record Outcome(ProbeResult result, InstallResult install, SuiteResult suite) {
    }

    /** Finds the package files a candidate stands for; a failure (a build that breaks) makes it SKIP. */
    @FunctionalInterface
    interface PackageFiles {
        Collection<PackageFile> of(Candidate candidate) throws IOException, InterruptedException;
    }

    PackageSetTester(InstallSettings install, SuiteLauncher suite, InstallRoots roots, Path directory,
                     ProcessRunner runner) {
        this.install = install;
        this.suite = suite;
        this.roots = roots;
        this.directory = directory;
        this.runner = runner;
    }

    /** Returns a probe that tests the set each candidate stands for. */
    Probe probe(PackageFiles sets) {
        return probe(this, sets);
    }

    /**
     * Returns a probe that tests, with any tester, the set each candidate stands for: a set that
     * cannot be found is SKIP, a missing tool aborts.
     */
    static Probe probe(SetTester tester, PackageFiles sets) {
        return candidate -> {
            Collection<PackageFile> files;
            long start = System.nanoTime();
            try {
                files = sets.of(candidate);
            } catch (ProgramNotFoundException e) {
                throw new ProbeAbortedException(e.getMessage(), e);
            } catch (IOException e) {
                return result(Verdict.SKIP, start, null, null, "no package: " + e.getMessage());
            }
            return tester.test(candidate.shortId(), List.copyOf(files));
        };
    }

    @Override
    public ProbeResult test(String name, List<PackageFile> set) throws ProbeAbortedException, InterruptedException {
        return run(name, set).result();
    }

    /** Installs the set on every root, one after the other: how the hunt leaves the roots at the end. */
    @Override
    public List<Restored> restore(List<PackageFile> set) throws InterruptedException {
        List<Restored> restored = new ArrayList<>();
        for (InstallRoots.Root root : roots.all()) {
            String where = root.path() == null ? "the running system" : root.path().toString();
            try {
                InstallResult install = install(root, set);
                restored.add(new Restored(where, install, install.success() ? null : install.error()));
            } catch (InstallException | IOException e) {
                restored.add(new Restored(where, null, e.getMessage()));
            }
        }
        return restored;
    }

    /**
     * Tests one set on the next free root.
     *
     * @param name names the probe's directory
     * @param set the builds to install
     * @return what happened
     * @throws ProbeAbortedException if a tool is missing or the work directory cannot be written
     * @throws InterruptedException if interrupted
     */
    Outcome run(String name, Collection<PackageFile> set) throws ProbeAbortedException, InterruptedException {
        InstallRoots.Root root = roots.take();
        try {
            return testOn(root, name, set);
        } finally {
            roots.give(root);
        }
    }

    /**
     * Installs a set on one root, without the suite: how the hunt leaves every root at the end.
     *
     * @param root the root
     * @param set the builds
     * @return the install record
     * @throws InstallException if the install cannot start
     * @throws IOException if the probe's repository cannot be made
     * @throws InterruptedException if interrupted
     */
    InstallResult install(InstallRoots.Root root, Collection<PackageFile> set)
            throws InstallException, IOException, InterruptedException {
        Path work = workDirectory("restore-" + root.number());
        return install(root, set, work);
    }

    private Outcome testOn(InstallRoots.Root root, String name, Collection<PackageFile> set)
            throws ProbeAbortedException, InterruptedException {
        long start = System.nanoTime();
        Path work;
        try {
            work = workDirectory(name);
        } catch (IOException e) {
            throw new ProbeAbortedException("cannot make a probe directory under " + directory + ": "
                    + e.getMessage(), e);
        }
        InstallResult installed;
        try {
            installed = install(root, set, work);
        } catch (ProgramNotFoundException e) {
            throw new ProbeAbortedException(e.getMessage(), e);
        } catch (InstallException | IOException e) {
            return new Outcome(result(Verdict.SKIP, start, null, null, "install failed: " + e.getMessage()),
                    null, null);
        }
        if (!installed.success()) {
            return new Outcome(result(Verdict.SKIP, start, null, null, "install failed: " + installed.error()),
                    installed, null);
        }
        SuiteResult ran;
        try {
            Path suiteWork = work.resolve("suite");
            Files.createDirectories(suiteWork);
            ran = suite.run(root.path(), suiteWork);
        } catch (ProgramNotFoundException e) {
            throw new ProbeAbortedException(e.getMessage(), e);
        } catch (IOException e) {
            return new Outcome(result(Verdict.SKIP, start, null, null, "suite did not start: " + e.getMessage()),
                    installed, null);
        }
        return new Outcome(verdict(ran, start), installed, ran);
    }

    private InstallResult install(InstallRoots.Root root, Collection<PackageFile> set, Path work)
            throws InstallException, IOException, InterruptedException {
        String repository = publish(set, work.resolve("repo"));
        if (root.path() != null) {
            Files.createDirectories(root.path());
        }
        InstallRequest.Builder request = InstallRequest.builder().root(root.path()).repository(repository)
                .gpgCheck(install.gpgCheck()).timeout(install.timeout()).lockTimeout(install.lockTimeout());
        install.addRepositories(request);
        set.forEach(b -> request.install(b.name(), b.version()));
        return install.installer().install(request.build(), OutputListener.NONE);
    }

    private String publish(Collection<PackageFile> set, Path repo) throws IOException, InterruptedException {
        Files.createDirectories(repo);
        for (PackageFile build : set) {
            Path file = build.file();
            Path copy = repo.resolve(file.getFileName());
            try {
                Files.createLink(copy, file);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(file, copy);
            }
        }
        if ("apt".equals(install.installer().manager())) {
            // a flat repository (deb URL ./): the Packages index and a Release file naming it
            Files.writeString(repo.resolve("Packages"), index(repo, "packages"));
            Files.writeString(repo.resolve("Release"), index(repo, "release"));
            return repo.toUri().toString();
        }
        CommandResult made = runner.run(Command.of("createrepo_c", "--quiet", "--no-database", repo.toString())
                .timeout(CREATEREPO_TIMEOUT).build(), OutputListener.NONE);
        if (!made.succeeded()) {
            throw new IOException("createrepo_c failed in " + repo + ": " + made.describe());
        }
        return repo.toUri().toString();
    }

    /** Returns what {@code apt-ftparchive packages .} or {@code apt-ftparchive release .} writes for a directory. */
    private String index(Path repo, String what) throws IOException, InterruptedException {
        CommandResult made = runner.run(Command.of("apt-ftparchive", what, ".").workingDirectory(repo)
                .separateStderr().timeout(CREATEREPO_TIMEOUT).build(), OutputListener.NONE);
        if (!made.succeeded()) {
            throw new IOException("apt-ftparchive " + what + " failed in " + repo + ": " + made.describe());
        }
        return made.output();
    }

    private Path workDirectory(String name) throws IOException {
        Path work = directory.resolve(String.format(Locale.ROOT, "%03d-%s", sequence.incrementAndGet(),
                name.replaceAll("[^A-Za-z0-9._+-]", "_")));
        Files.createDirectories(work);
        return work;
    }

    /** Returns the verdict of a suite run: the failure signature of a failure is its failed cases'. */
    private static ProbeResult verdict(SuiteResult suite, long start) {
        return switch (suite.status()) {
            case PASSED -> result(Verdict.GOOD, start, suite.logPath(), null,
                    suite.totals().passed() + " passed");
            case FAILED -> result(Verdict.BAD, start, suite.logPath(), signature(suite),
                    suite.failures().stream().map(c -> c.id() + " failed").collect(Collectors.joining(", ")));
            case ERROR -> result(Verdict.SKIP, start, suite.logPath(), null, "suite error: " + suite.errorMessage());
        };
    }

    /**
     * Returns the failure signature of a failed suite: its failed cases' signatures, sorted and joined.
     *
     * @param suite the suite's result
     * @return the signature the hunt chases
     */
    static String signature(SuiteResult suite) {
        return suite.failureSignatures().stream().map(FailureSignature::text).sorted()
                .collect(Collectors.joining("; "));
    }

    private static ProbeResult result(Verdict verdict, long start, String log, String signature, String reason) {
        return new ProbeResult(verdict, 1, Duration.ofNanos(System.nanoTime() - start), log, signature, reason);
    }
}
