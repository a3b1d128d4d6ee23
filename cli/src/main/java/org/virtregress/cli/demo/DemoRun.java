package org.virtregress.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Outcome;
import org.virtregress.hunt.Hunt;
import org.virtregress.hunt.HuntReport;
import org.virtregress.hunt.HuntRequest;
import org.virtregress.hunt.HuntResult;
import org.virtregress.hunt.InstallRoots;
import org.virtregress.hunt.InstallSettings;
import org.virtregress.hunt.PackageCommitProber;
import org.virtregress.hunt.PackageFile;
import org.virtregress.hunt.SuiteLauncher;
import org.virtregress.install.InstallException;
import org.virtregress.install.Installers;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.repo.Build;
import org.virtregress.report.InstallRecord;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.SuiteReport;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteStatus;

/**
 * The product's whole loop on this machine, with real tools: makes the upstream project, builds
 * and publishes packages of it one after another, polls and archives each new build, installs and
 * tests the first and the newest on the test host (a real TCG guest), then hands the failure to the
 * regression hunt ({@link Hunt}: which archived build, which commit, each confirmed) and writes the
 * report. Not thread-safe; {@link #abort} may be called from another thread (a shutdown hook).
 */
public final class DemoRun {
    /** The commits (positions on the history) that get published as builds, in order. */
    static final List<Integer> RELEASES = List.of(8, 14, 20, 26, 32);

    private static final Duration ABORT_PATIENCE = Duration.ofSeconds(5);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);

    private final Path workdir;
    private final DemoSettings settings;
    private final DemoProgress progress;
    private final ProcessRunner runner = new ProcessRunner();
    private volatile DemoRepository repository;

    /**
     * Prepares a run.
     *
     * @param workdir the work directory: empty or missing
     * @param settings the bisection settings
     * @param out where progress goes
     */
    public DemoRun(Path workdir, DemoSettings settings, PrintWriter out) {
        this.workdir = workdir.toAbsolutePath().normalize();
        this.settings = settings;
        this.progress = new DemoProgress(out);
    }

    /**
     * Runs the demo to its end.
     *
     * @return what it found and where the report is
     * @throws IOException if a step cannot run (a missing tool, a failed build, an unreadable repository)
     * @throws InstallException if an install on the test host cannot start
     * @throws InterruptedException if interrupted; running processes are killed first
     */
    public DemoResult run() throws IOException, InstallException, InterruptedException {
        progress.step("work directory " + workdir);
        UpstreamProject project = DemoUpstream.scripted().create(workdir.resolve("upstream"));
        progress.step("upstream: git repository with " + project.commits().size() + " commits in "
                + project.directory());
        DemoPackager packager = new DemoPackager(project, workdir.resolve("packages"), runner);
        DemoGuest guest = DemoGuest.withDefaultKernel(runner);
        progress.step("guest: qemu TCG booting " + guest.kernel());
        DemoHost host = new DemoHost(Installers.forManager("dnf", runner), guest);
        try (DemoRepository repo = DemoRepository.start(workdir.resolve("repository"), runner)) {
            repository = repo;
            progress.step("repository: rpm-md served at " + repo.url() + " (keeps only its newest build)");
            return loop(host, guest, project, packager, new DemoFeed(packager, repo, workdir, progress));
        } finally {
            repository = null;
        }
    }

    private DemoResult loop(DemoHost host, DemoGuest guest, UpstreamProject project, DemoPackager packager,
                            DemoFeed feed) throws IOException, InstallException, InterruptedException {
        RegressionReport.Builder report = RegressionReport.builder("virt-regress demo: " + DemoPackager.PACKAGE,
                Instant.now()).job("virt-regress demo", null);
        Build first = feed.publish(project.commit(RELEASES.get(0)));
        DemoHost.Outcome firstOutcome = testOnHost(host, feed, first);
        if (!passed(firstOutcome)) {
            report.newBuilds(feed.newBuilds()).install(InstallRecord.from(firstOutcome.install()))
                    .suites(suites(firstOutcome));
            return finish(project, report.build(), null, failedEnding(firstOutcome),
                    "the first build does not pass: nothing to bisect");
        }
        progress.step("more builds arrive before the next test run; the poller archives each one");
        Build newest = first;
        for (int number : RELEASES.subList(1, RELEASES.size())) {
            newest = feed.publish(project.commit(number));
        }
        DemoHost.Outcome newestOutcome = testOnHost(host, feed, newest);
        report.newBuilds(feed.newBuilds()).suites(suites(newestOutcome));
        if (!newestOutcome.tested() || newestOutcome.suite().status() != SuiteStatus.FAILED) {
            report.install(InstallRecord.from(newestOutcome.install()));
            return finish(project, report.build(), null, failedEnding(newestOutcome),
                    "the newest build did not fail a check: nothing to bisect");
        }
        progress.step("regression: failure signature \"" + Hunt.signature(newestOutcome.suite()) + "\"");
        Hunt hunt = new Hunt(huntRequest(guest, project, packager, feed, first, newest), progress::step);
        HuntResult found = hunt.run();
        hunt.report().fill(report).install(InstallRecord.from(newestOutcome.install()));
        if (found.builds() == null || found.builds().firstBad() == null) {
            return finish(project, report.build(), found, DemoResult.Ending.BUILDS_UNRESOLVED, found.message());
        }
        return finish(project, report.build(), found, DemoResult.Ending.BISECTED, found.message());
    }

    /** The demo's hunt: archived builds probed in K install roots, commits built with rpmbuild, all in TCG guests. */
    private HuntRequest huntRequest(DemoGuest guest, UpstreamProject project, DemoPackager packager, DemoFeed feed,
                                    Build first, Build newest) throws IOException {
        Path hunt = workdir.resolve("hunt");
        InstallSettings install = new InstallSettings(Installers.forManager("dnf", runner), List.of(), false,
                INSTALL_TIMEOUT, null);
        SuiteLauncher boot = guest::run;
        PackageCommitProber commits = new PackageCommitProber((name, hash) -> {
            UpstreamCommit commit = project.byHash(hash);
            return new PackageFile(name, commit.version() + "-" + DemoPackager.RELEASE, packager.build(commit));
        }, install, boot, hunt.resolve("commit-probes"), runner);
        return HuntRequest.builder(feed.archive().directory(), install, boot, hunt)
                .good(DemoPackager.PACKAGE, first.evr()).bad(DemoPackager.PACKAGE, newest.evr())
                .root(workdir.resolve("probes").resolve("root-" + InstallRoots.NUMBER).toString())
                .probes(settings.probes()).confirm(settings.confirm())
                .source(DemoPackager.PACKAGE, project.directory()).commitProber(commits)
                .stateFile(hunt.resolve("hunt-state.json")).runner(runner).build();
    }

    /**
     * Stops the repository server and kills every process this JVM started (qemu, dnf, rpmbuild)
     * with its children. Safe to call from a shutdown hook while {@link #run} is going.
     */
    public void abort() {
        DemoRepository repo = repository;
        if (repo != null) {
            repo.close();
        }
        // the run's threads may start the next command while the first ones die: keep killing until
        // no child has been seen for a few rounds
        long deadline = System.nanoTime() + ABORT_PATIENCE.toNanos();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            List<ProcessHandle> children = ProcessHandle.current().children().toList();
            children.forEach(ProcessRunner::killTree);
            quiet = children.isEmpty() ? quiet + 1 : 0;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private DemoHost.Outcome testOnHost(DemoHost host, DemoFeed feed, Build build)
            throws IOException, InstallException, InterruptedException {
        Path root = workdir.resolve("host").resolve("root");
        DemoHost.Outcome outcome = host.test(build.evr(), feed.url(), root,
                workdir.resolve("host").resolve("guest-" + build.evr()), OutputListener.NONE);
        progress.step("install: dnf into " + root + ": " + outcome.install().before() + " -> "
                + outcome.install().after() + (outcome.install().success() ? "" : " FAILED: "
                + outcome.install().error()));
        if (outcome.suite() != null) {
            SuiteResult suite = outcome.suite();
            progress.step("guest suite on " + build.evr() + ": " + suite.status() + " (" + suite.totals().passed()
                    + " passed, " + suite.totals().failed() + " failed, " + suite.totals().skipped()
                    + " skipped, " + DemoProgress.seconds(suite.duration()) + ")"
                    + (suite.status() == SuiteStatus.ERROR ? " " + suite.errorMessage() : ""));
        }
        return outcome;
    }

    private DemoResult finish(UpstreamProject project, RegressionReport report, HuntResult found,
                              DemoResult.Ending ending, String reason) throws IOException {
        HuntReport.Files files = HuntReport.write(report, found, workdir.resolve("report"));
        progress.plain("");
        progress.plain(files.text());
        BisectResult commits = found == null || found.commits() == null ? null : found.commits().bisection();
        String culprit = commits != null && commits.culprit() != null ? commits.culprit().id() : null;
        Outcome outcome = commits == null ? null : commits.outcome();
        if (culprit != null) {
            UpstreamCommit commit = project.byHash(culprit);
            progress.step("culprit: " + commit.hash() + " \"" + commit.subject() + "\" (" + outcome + ")"
                    + (culprit.equals(project.regression().hash()) ? " - the commit the demo planted" : ""));
        } else {
            progress.step("no culprit: " + reason);
        }
        progress.step("report: " + files.html() + " (also " + files.json().getFileName() + ", "
                + files.textFile().getFileName() + (found == null ? "" : ", " + files.hunt().getFileName()) + ")");
        return new DemoResult(ending, outcome, culprit, reason, project.regression(), files.json(), files.html(),
                files.textFile(), progress.elapsed());
    }

    private static List<SuiteReport> suites(DemoHost.Outcome outcome) {
        return outcome.suite() == null ? List.of() : List.of(SuiteReport.from(outcome.suite()));
    }

    private static DemoResult.Ending failedEnding(DemoHost.Outcome outcome) {
        if (!outcome.install().success()) {
            return DemoResult.Ending.INSTALL_FAILED;
        }
        return outcome.suite().status() == SuiteStatus.ERROR ? DemoResult.Ending.SUITE_ERROR
                : DemoResult.Ending.NO_REGRESSION;
    }

    private static boolean passed(DemoHost.Outcome outcome) {
        return outcome.tested() && outcome.suite().status() == SuiteStatus.PASSED;
    }

    /** Tells whether a directory can be the work directory: missing, or empty. */
    public static boolean usable(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return true;
        }
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }
}
