package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectRangeException;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.BuildBisection;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.Phase;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.install.InstallException;
import org.virtregress.install.Installers;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.repo.Archive;
import org.virtregress.repo.ArchivedBuild;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;
import org.virtregress.repo.Fetcher;
import org.virtregress.repo.PackageSelector;
import org.virtregress.repo.PollRequest;
import org.virtregress.repo.PollResult;
import org.virtregress.repo.Poller;
import org.virtregress.repo.Repository;
import org.virtregress.report.RegressionReport;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteStatus;

/**
 * The product's whole loop on this machine, with real tools: makes the upstream project, builds
 * and publishes packages of it one after another, polls and archives each new build, installs and
 * tests the first and the newest on the test host (a real TCG guest), bisects the archived builds,
 * then the commits between the last good and the first bad build, confirms the culprit and writes
 * the report. Not thread-safe; {@link #abort} may be called from another thread (a shutdown hook).
 */
public final class DemoRun {
    /** The commits (positions on the history) that get published as builds, in order. */
    static final List<Integer> RELEASES = List.of(8, 14, 20, 26, 32);

    private static final Duration ABORT_PATIENCE = Duration.ofSeconds(5);

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
    public DemoRun(Path workdir, DemoSettings settings, java.io.PrintWriter out) {
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
        progress.step("upstream: git repository with " + project.commits().size() + " commits in " + project.directory());
        DemoPackager packager = new DemoPackager(project, workdir.resolve("packages"), runner);
        DemoGuest guest = DemoGuest.withDefaultKernel(runner);
        progress.step("guest: qemu TCG booting " + guest.kernel());
        DemoHost host = new DemoHost(Installers.forManager("dnf", runner), guest);
        RegressionReport.Builder report = RegressionReport.builder("virt-regress demo: " + DemoPackager.PACKAGE,
                Instant.now()).job("virt-regress demo", null);
        try (DemoRepository repo = DemoRepository.start(workdir.resolve("repository"), runner)) {
            repository = repo;
            progress.step("repository: rpm-md served at " + repo.url() + " (keeps only its newest build)");
            Loop loop = new Loop(project, packager, host, repo);
            return loop.run(report);
        } finally {
            repository = null;
        }
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

    /** One pass of the loop, with the state the steps share. */
    private final class Loop {
        private final UpstreamProject project;
        private final DemoPackager packager;
        private final DemoHost host;
        private final DemoRepository repo;
        private final Poller poller = new Poller(new Fetcher());
        private final PollRequest request;
        private final List<org.virtregress.report.NewBuild> detected = new ArrayList<>();

        Loop(UpstreamProject project, DemoPackager packager, DemoHost host, DemoRepository repo) {
            this.project = project;
            this.packager = packager;
            this.host = host;
            this.repo = repo;
            this.request = new PollRequest(List.of(Repository.parse(repo.url().toString())),
                    PackageSelector.of(List.of(DemoPackager.PACKAGE)), workdir.resolve("poll-state.json"),
                    workdir.resolve("archive"), false);
        }

        DemoResult run(RegressionReport.Builder report) throws IOException, InstallException, InterruptedException {
            Build first = publishAndPoll(project.commit(RELEASES.get(0)));
            DemoHost.Outcome firstOutcome = testOnHost(first);
            if (!passed(firstOutcome)) {
                return finish(report.newBuilds(newBuilds()).install(DemoReport.install(firstOutcome.install()))
                        .suites(suites(firstOutcome)), null, failedEnding(firstOutcome),
                        "the first build does not pass: nothing to bisect");
            }
            progress.step("more builds arrive before the next test run; the poller archives each one");
            Build newest = first;
            for (int number : RELEASES.subList(1, RELEASES.size())) {
                newest = publishAndPoll(project.commit(number));
            }
            DemoHost.Outcome newestOutcome = testOnHost(newest);
            report.newBuilds(newBuilds()).install(DemoReport.install(newestOutcome.install()))
                    .suites(suites(newestOutcome));
            if (!newestOutcome.tested() || newestOutcome.suite().status() != SuiteStatus.FAILED) {
                return finish(report, null, failedEnding(newestOutcome),
                        "the newest build did not fail a check: nothing to bisect");
            }
            String signature = DemoProbe.signature(newestOutcome.suite());
            progress.step("regression: " + signature);
            BuildStep builds = bisectBuilds(first, newest, signature);
            report.buildBisection(builds.report());
            if (builds.firstBad() == null) {
                return finish(report, null, DemoResult.Ending.BUILDS_UNRESOLVED,
                        "the bisection over builds ended " + builds.result().outcome());
            }
            BisectResult commits = bisectCommits(builds.lastGood(), builds.firstBad(), signature);
            report.commitBisection(DemoReport.commits(project.directory().toUri().toString(), commits, remaining,
                    id -> subject(id)));
            return finish(report, commits, DemoResult.Ending.BISECTED, commits.reason());
        }

        private final DemoReport.Remaining remaining = new DemoReport.Remaining();

        private Build publishAndPoll(UpstreamCommit commit) throws IOException, InterruptedException {
            Path rpm = packager.build(commit);
            repo.publish(rpm);
            progress.step("published " + rpm.getFileName() + " (commit " + commit.shortHash() + ")");
            PollResult result = poller.poll(request);
            if (result.hasFailures() || result.hasPublishing()) {
                throw new IOException("polling " + repo.url() + " failed: " + result.outcomes());
            }
            List<BuildChange> found = result.changes().stream().filter(c -> c.kind().isNewBuild()).toList();
            if (found.size() != 1) {
                throw new IOException("the poll found " + found.size() + " new builds after publishing "
                        + rpm.getFileName() + ", expected one: " + result.changes());
            }
            BuildChange change = found.get(0);
            Build archived = archived(change.build());
            detected.add(DemoReport.newBuild(new BuildChange(change.kind(), archived, change.previous())));
            progress.step("poll: " + change.kind() + " " + archived.nevra() + ", archived, source commit "
                    + abbreviate(archived.sourceCommit()));
            return archived;
        }

        private Build archived(Build build) throws IOException {
            return Archive.open(request.archive()).find(build.checksum()).map(ArchivedBuild::build).orElse(build);
        }

        private DemoHost.Outcome testOnHost(Build build) throws IOException, InstallException, InterruptedException {
            Path root = workdir.resolve("host").resolve("root");
            DemoHost.Outcome outcome = host.test(build.evr(), repo.url().toString(), root,
                    workdir.resolve("host").resolve("guest-" + build.evr()), OutputListener.NONE);
            progress.step("install: dnf into " + root + ": " + outcome.install().before() + " -> "
                    + outcome.install().after() + (outcome.install().success() ? "" : " FAILED: "
                    + outcome.install().error()));
            if (outcome.suite() != null) {
                SuiteResult suite = outcome.suite();
                progress.step("guest suite on " + build.evr() + ": " + suite.status() + " (" + suite.totals().passed()
                        + " passed, " + suite.totals().failed() + " failed, " + suite.totals().skipped()
                        + " skipped, " + DemoReport.seconds(suite.duration()) + ")"
                        + (suite.status() == SuiteStatus.ERROR ? " " + suite.errorMessage() : ""));
            }
            return outcome;
        }

        private BuildStep bisectBuilds(Build good, Build bad, String signature)
                throws IOException, InterruptedException {
            Archive archive = Archive.open(request.archive());
            List<ArchivedBuild> chain = archive.builds(DemoPackager.PACKAGE).stream()
                    .filter(a -> a.build().compareVersion(good) >= 0 && a.build().compareVersion(bad) <= 0).toList();
            Map<String, ArchivedBuild> byId = new HashMap<>();
            List<Candidate> candidates = new ArrayList<>();
            for (ArchivedBuild a : chain) {
                byId.put(a.build().evr(), a);
                candidates.add(new Candidate(a.build().evr(), a.build().checksum().value(), a.build().nevra()));
            }
            progress.step("bisecting " + (chain.size() - 1) + " archived builds after " + good.evr() + " (good) up to "
                    + bad.evr() + " (bad), " + settings.probes() + " probes at a time");
            BisectRange range = BuildBisection.ofCandidates(candidates);
            DemoProbe probe = new DemoProbe(c -> new DemoProbe.CandidatePackage(c.id(), archive.file(byId.get(c.id()))),
                    host, workdir.resolve("probes").resolve("builds"), runner, reportDirectory());
            BisectResult result = Bisector.builder().probes(settings.probes()).confirm(0).checkBadEnd(false)
                    .expectedSignature(signature).stateFile(workdir.resolve("bisect-builds.json"))
                    .listener((p, left) -> probed(p, left, byId.containsKey(p.candidate())
                            ? byId.get(p.candidate()).build().nevra() : p.candidate(), 0))
                    .build().run(range, probe);
            Build firstBad = null;
            Build lastGood = null;
            if (result.outcome() == Outcome.COMPLETE && result.culprit() != null) {
                int index = chain.indexOf(byId.get(result.culprit().id()));
                firstBad = chain.get(index).build();
                lastGood = chain.get(index - 1).build();
                progress.step("first bad build " + firstBad.nevra() + " (commit " + abbreviate(firstBad.sourceCommit())
                        + "), last good " + lastGood.nevra() + " (commit " + abbreviate(lastGood.sourceCommit()) + ")");
            } else {
                progress.step("bisection over builds: " + result.outcome() + ": " + result.reason());
            }
            return new BuildStep(result, lastGood, firstBad, DemoReport.builds(DemoPackager.PACKAGE, result, lastGood,
                    firstBad, remaining, id -> byId.containsKey(id) ? byId.get(id).build().nevra() : id));
        }

        private BisectResult bisectCommits(Build lastGood, Build firstBad, String signature)
                throws IOException, InterruptedException {
            if (lastGood.sourceCommit() == null || firstBad.sourceCommit() == null) {
                throw new IOException("the builds " + lastGood.nevra() + " and " + firstBad.nevra()
                        + " do not both name their source commit");
            }
            try (CommitGraph graph = CommitGraph.open(project.directory())) {
                String good = graph.resolve(lastGood.sourceCommit());
                String bad = graph.resolve(firstBad.sourceCommit());
                BisectRange range = graph.range(List.of(good), bad, List.of(), false);
                progress.step("bisecting " + range.size() + " commits after " + abbreviate(good) + " up to "
                        + abbreviate(bad) + ", " + settings.probes() + " probes at a time, confirming "
                        + settings.confirm() + " times (probe: rpmbuild at the commit, dnf install, boot the guest)");
                DemoProbe probe = new DemoProbe(c -> {
                    UpstreamCommit commit = project.byHash(c.id());
                    return new DemoProbe.CandidatePackage(commit.version() + "-" + DemoPackager.RELEASE,
                            packager.build(commit));
                }, host, workdir.resolve("probes").resolve("commits"), runner, reportDirectory());
                BisectResult result = Bisector.builder().probes(settings.probes()).confirm(settings.confirm())
                        .checkBadEnd(false).expectedSignature(signature)
                        .stateFile(workdir.resolve("bisect-commits.json"))
                        .listener((p, left) -> probed(p, left, abbreviate(p.candidate()) + " " + subject(p.candidate()),
                                settings.confirm()))
                        .build().run(range, probe);
                progress.step("bisection over commits: " + result.outcome() + ": " + result.reason());
                return result;
            } catch (BisectRangeException e) {
                throw new IOException("cannot bisect the upstream commits: " + e.getMessage(), e);
            }
        }

        private void probed(ProbeRecord probe, int left, String label, int confirm) {
            remaining.record(probe, left);
            progress.step("  " + probe.phase().name().toLowerCase(java.util.Locale.ROOT) + " " + label + ": "
                    + probe.verdict() + " in " + DemoReport.seconds(probe.duration())
                    + (probe.verdict() == org.virtregress.bisect.Verdict.GOOD ? "" : " (" + probe.reason() + ")")
                    + ", " + left + " left");
            if (probe.phase() == Phase.BISECT && left == 1 && confirm > 0) {
                progress.step("  confirming: the culprit's parent must pass and the culprit fail, " + confirm
                        + " runs each");
            }
        }

        private String subject(String hash) {
            return project.commits().stream().filter(c -> c.hash().equals(hash)).map(UpstreamCommit::subject)
                    .findFirst().orElse("");
        }

        private DemoResult finish(RegressionReport.Builder report, BisectResult commits, DemoResult.Ending ending,
                                  String reason) throws IOException {
            DemoReportFiles files = DemoReportFiles.write(report.build(), reportDirectory());
            progress.plain("");
            progress.plain(files.text());
            String culprit = commits != null && commits.culprit() != null ? commits.culprit().id() : null;
            Outcome outcome = commits == null ? null : commits.outcome();
            DemoResult result = new DemoResult(ending, outcome, culprit, reason, project.regression(), files.json(),
                    files.html(), files.textFile(), Duration.ofMillis((long) (progress.elapsedSeconds() * 1000)));
            if (culprit != null) {
                UpstreamCommit found = project.byHash(culprit);
                progress.step("culprit: " + found.hash() + " \"" + found.subject() + "\" (" + outcome + ")"
                        + (culprit.equals(project.regression().hash()) ? " - the commit the demo planted" : ""));
            } else {
                progress.step("no culprit: " + reason);
            }
            progress.step("report: " + files.html() + " (also " + files.json().getFileName() + ", "
                    + files.textFile().getFileName() + ")");
            return result;
        }

        private List<org.virtregress.report.NewBuild> newBuilds() {
            return List.copyOf(detected);
        }

        private List<org.virtregress.report.SuiteReport> suites(DemoHost.Outcome outcome) {
            return outcome.suite() == null ? List.of() : List.of(DemoReport.suite(outcome.suite()));
        }
    }

    /**
     * What the bisection over builds found.
     *
     * @param result the bisection's result
     * @param lastGood the newest build that passed, or null
     * @param firstBad the oldest build that failed, or null
     * @param report its part of the report
     */
    private record BuildStep(BisectResult result, Build lastGood, Build firstBad,
                             org.virtregress.report.BuildBisection report) {
    }

    private Path reportDirectory() {
        return workdir.resolve("report");
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

    private static String abbreviate(String hash) {
        return hash == null ? "unknown" : hash.substring(0, Math.min(12, hash.length()));
    }

    /** Tells whether a directory can be the work directory: missing, or empty. */
    static boolean usable(Path directory) throws IOException {
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
