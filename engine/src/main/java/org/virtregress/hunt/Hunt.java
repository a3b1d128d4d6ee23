package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectRangeException;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.BuildBisection;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.PackageUpdateChain;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.ProgressListener;
import org.virtregress.bisect.Verdict;
import org.virtregress.install.InstallResult;
import org.virtregress.repo.Archive;
import org.virtregress.repo.ArchivedBuild;
import org.virtregress.repo.Build;

/**
 * The regression hunt: reproduces the failure on the failing set and the pass on the last good
 * one, then finds which package (when several changed: their updates applied one at a time),
 * which archived build of it, and which upstream commit (or that only the packaging changed),
 * confirming the culprit at every level. A level that ends inconclusive or unconfirmed stops the
 * hunt with its range. The build and commit levels run the flaky-aware search
 * ({@link FlakyBisector}) when the request asks for it, and switch to it by themselves when the runs
 * of one candidate disagree; the level's result then carries its confidence. Every verdict goes to
 * one state file, with the {@link HuntFingerprint} of what decides them; a killed hunt run again
 * replays it and probes only what it had not, and one run with other settings is refused. At the
 * end every install root holds the failing set again, verified: those of the request's
 * {@link SetTester} (by default {@link SetTester#local()}, the request's roots) and, when another
 * tester was supplied and the commit level ran, the request's roots the commit probes used.
 *
 * <p>Confirmation: the reproduction runs each set once, which only decides whether there is
 * anything to hunt; the {@code confirm} runs go where they decide a level's verdict, the culprit's
 * parent and the culprit. When the culprit is the first update or build after the good end, that
 * parent is the good set, which so passes {@code confirm} times more.
 *
 * <p>The class is larger than most: the levels share the sets, the state and the roots, and each
 * level decides from the one before.
 *
 * <p>One hunt per instance; {@link #run} is not reentrant.
 */
public final class Hunt {
    private final HuntRequest request;
    private final HuntListener listener;
    private final List<JournalProbe> journals = new ArrayList<>();
    private HuntState state;
    private HuntResult.Level level = HuntResult.Level.INPUT;
    private boolean commitRootsUsed;
    private HuntSets sets;
    private String signature;
    private HuntResult.PackageLevel packages;
    private HuntResult.BuildLevel builds;
    private HuntResult.CommitLevel commits;
    private HuntResult.PackagingChange packaging;
    private final List<InstallResult> restored = new ArrayList<>();
    private final Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Integer> remaining = new java.util.concurrent.ConcurrentHashMap<>();
    private HuntResult result;

    /**
     * Creates a hunt.
     *
     * @param request what to hunt and how
     * @param listener hears a line per step and probe
     */
    public Hunt(HuntRequest request, HuntListener listener) {
        this.request = request;
        this.listener = listener == null ? HuntListener.NONE : listener;
    }

    /**
     * Runs the hunt to its end.
     *
     * @return what it found; a wrong input ends it with {@link HuntResult.Ending#BAD_INPUT} and a
     *     message naming the input, at the level it reached
     * @throws IOException if the state file cannot be read or written
     * @throws InterruptedException if interrupted; running probes are killed, the state file keeps
     *     every verdict so far
     */
    public HuntResult run() throws IOException, InterruptedException {
        Files.createDirectories(request.workDirectory());
        SetTester tester = null;
        HuntResult result;
        try {
            Archive archive = openArchive();
            sets = HuntSets.find(archive, request.good(), request.bad(), request.arch());
            state = HuntState.open(request.stateFile(), HuntFingerprint.of(request, HuntSets.versions(sets.good()),
                    HuntSets.versions(sets.bad()), sets.arch()));
            if (state.size() > 0) {
                listener.progress("resuming the hunt at level " + lower(state.level()) + ": " + state.size()
                        + " verdicts in " + state.file() + (state.switched().isEmpty() ? ""
                        : " (switched to the flaky-aware search at " + String.join(", ", state.switched()) + ")"));
            }
            InstallRoots roots = InstallRoots.of(request.rootTemplate(), request.probes());
            tester = (request.testers() == null ? SetTester.local() : request.testers())
                    .open(request, request.workDirectory().resolve("probes"));
            result = levels(archive, tester, roots);
        } catch (HuntInputException e) {
            result = end(e.ending(), e.getMessage());
        }
        if (tester != null && level.compareTo(HuntResult.Level.REPRODUCE) >= 0) {
            result = restore(Archive.open(request.archive()), tester, result);
        }
        this.result = result;
        return result;
    }

    /**
     * Returns the failure signature a hunt chases for a failed suite: its failed cases' signatures,
     * sorted and joined.
     *
     * @param suite the failed suite's result
     * @return the signature
     */
    public static String signature(org.virtregress.suite.SuiteResult suite) {
        return PackageSetTester.signature(suite);
    }

    /**
     * Returns the report of the hunt that ran.
     *
     * @return the report
     * @throws IllegalStateException if {@link #run} has not returned
     */
    public HuntReport report() {
        if (result == null) {
            throw new IllegalStateException("the hunt has not run");
        }
        return new HuntReport(result, labels, remaining);
    }

    private HuntResult levels(Archive archive, SetTester tester, InstallRoots roots)
            throws IOException, InterruptedException, HuntInputException {
        List<String> changed = sets.changed();
        listener.progress("hunting between the good set " + describe(sets.good()) + " and the failing set "
                + describe(sets.bad()) + " (" + sets.arch() + "; changed: " + String.join(", ", changed) + "; "
                + request.probes() + " probe" + (request.probes() == 1 ? "" : "s") + " at a time on "
                + (request.testers() != null ? "the request's set tester, the commit level on " : "")
                + roots.all().size() + " install root" + (roots.all().size() == 1 ? "" : "s") + ")");
        enter(HuntResult.Level.REPRODUCE);
        HuntResult stop = reproduce(archive, tester);
        if (stop != null) {
            return stop;
        }
        String culpritPackage = changed.get(0);
        Map<String, ArchivedBuild> base = new LinkedHashMap<>(sets.good());
        if (changed.size() > 1) {
            enter(HuntResult.Level.PACKAGE);
            PackageUpdateChain chain = PackageUpdateChain.between(HuntSets.versions(sets.good()),
                    HuntSets.versions(sets.bad()), changed);
            listener.progress("which package: applying the " + changed.size() + " updates one at a time ("
                    + String.join(", ", changed) + ")");
            BisectResult bisection = bisect("packages", chain.range(),
                    PackageSetTester.probe(tester, c -> files(archive, setOf(chain.state(c.id()).versions()))), true, false,
                    id -> label(chain, id));
            if (bisection.outcome() != Outcome.COMPLETE || bisection.culprit() == null) {
                packages = new HuntResult.PackageLevel(changed, bisection, null);
                return end(HuntResult.Ending.INCONCLUSIVE, "which package: " + bisection.outcome() + ": "
                        + bisection.reason());
            }
            PackageUpdateChain.PartialState culprit = chain.state(bisection.culprit().id());
            culpritPackage = culprit.lastApplied();
            packages = new HuntResult.PackageLevel(changed, bisection, culpritPackage);
            int index = chain.states().indexOf(culprit);
            base = setOf(chain.states().get(index - 1).versions());
            listener.progress("culprit package: " + culpritPackage + " (" + bisection.outcome() + ")");
        }
        return buildLevel(archive, tester, roots, culpritPackage, base);
    }

    private HuntResult reproduce(Archive archive, SetTester tester) throws IOException, InterruptedException {
        JournalProbe probe = journal("reproduce", PackageSetTester.probe(tester, c -> files(archive, "bad".equals(c.id())
                ? sets.bad() : sets.good())));
        ProbeResult bad;
        ProbeResult good;
        if (request.probes() > 1) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<ProbeResult> badRun = pool.submit(() -> probe.probe(new Candidate("bad", null, "failing set")));
                Future<ProbeResult> goodRun = pool.submit(() -> probe.probe(new Candidate("good", null, "good set")));
                bad = await(badRun);
                good = await(goodRun);
            } finally {
                pool.shutdownNow();
            }
        } else {
            bad = probeOnce(probe, new Candidate("bad", null, "failing set"));
            good = probeOnce(probe, new Candidate("good", null, "good set"));
        }
        int badRuns = 1;
        while (request.flaky() && bad != null && bad.verdict() == Verdict.GOOD && badRuns < request.maxRuns()) {
            bad = probeOnce(probe, new Candidate("bad", null, "failing set"));
            badRuns++;
        }
        if (bad == null || good == null) {
            return end(HuntResult.Ending.ABORTED, "a probe aborted the hunt while reproducing the failure");
        }
        if (badRuns > 1) {
            listener.progress("[reproduce] the failing set ran " + badRuns + " times to "
                    + (bad.verdict() == Verdict.BAD ? "fail once" : "the budget (--max-runs " + request.maxRuns() + ")"));
        }
        listener.progress("[reproduce] failing set " + lower(bad.verdict().name()) + " (" + bad.reason() + ")");
        listener.progress("[reproduce] good set " + lower(good.verdict().name()) + " (" + good.reason() + ")");
        if (bad.verdict() != Verdict.BAD) {
            return end(HuntResult.Ending.NO_REGRESSION, "the failing set " + describe(sets.bad())
                    + (bad.verdict() != Verdict.GOOD ? " could not be tested: " + bad.reason()
                    : request.flaky() ? " passed all " + badRuns + " runs: nothing to hunt"
                    : " passes: nothing to hunt (if it fails only some of the time, hunt with --flaky)"));
        }
        signature = bad.failureSignature();
        if (good.verdict() != Verdict.GOOD) {
            return end(HuntResult.Ending.NO_REGRESSION, "no passing earlier build: the good set "
                    + describe(sets.good()) + (good.verdict() == Verdict.BAD ? " fails too (" + good.reason() + ")"
                    : " could not be tested (" + good.reason() + ")"));
        }
        listener.progress("failure to chase: " + signature);
        return null;
    }

    private HuntResult buildLevel(Archive archive, SetTester tester, InstallRoots roots, String name,
                                  Map<String, ArchivedBuild> base)
            throws IOException, InterruptedException, HuntInputException {
        ArchivedBuild good = sets.good().get(name);
        ArchivedBuild bad = sets.bad().get(name);
        if (good == null || bad == null) {
            return end(HuntResult.Ending.BUILD, "culprit: " + (good == null ? "installing " + bad.build().nevra()
                    : "removing " + good.build().nevra()) + " breaks the suite");
        }
        enter(HuntResult.Level.BUILD);
        List<ArchivedBuild> all = archive.builds(name).stream()
                .filter(b -> b.build().arch().equals(good.build().arch())).toList();
        if (!all.contains(bad)) {
            throw new HuntInputException(HuntResult.Ending.BAD_INPUT, "the failing build " + bad.build().nevra()
                    + " is of another architecture than the good build " + good.build().nevra());
        }
        List<ArchivedBuild> chain = new ArrayList<>(all.subList(all.indexOf(good), all.indexOf(bad) + 1));
        Map<String, ArchivedBuild> byId = new LinkedHashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (ArchivedBuild build : chain) {
            String id = byId.containsKey(build.build().evr())
                    ? build.build().evr() + "@" + build.build().checksum().value().substring(0, 8) : build.build().evr();
            byId.put(id, build);
            candidates.add(new Candidate(id, build.build().checksum().value(), build.build().nevra()));
        }
        listener.progress("which build: bisecting " + (chain.size() - 1) + " archived build"
                + (chain.size() == 2 ? "" : "s") + " of " + name + " after " + good.build().evr() + " up to "
                + bad.build().evr());
        BisectResult bisection = bisect("builds", BuildBisection.ofCandidates(candidates), PackageSetTester.probe(tester, c -> {
            Map<String, ArchivedBuild> set = new LinkedHashMap<>(base);
            set.put(name, byId.get(c.id()));
            return files(archive, set);
        }), true, true, id -> !byId.containsKey(id) ? id : byId.get(id).build().nevra()
                + (id.contains("@") ? " (rebuild " + id.substring(id.indexOf('@') + 1) + ")" : ""));
        List<String> ids = List.copyOf(byId.keySet());
        if (bisection.outcome() != Outcome.COMPLETE || bisection.culprit() == null) {
            builds = new HuntResult.BuildLevel(name, ids, bisection, null, null);
            return end(HuntResult.Ending.INCONCLUSIVE, "which build: " + bisection.outcome() + ": "
                    + bisection.reason());
        }
        int index = ids.indexOf(bisection.culprit().id());
        Build firstBad = byId.get(ids.get(index)).build();
        Build lastGood = byId.get(ids.get(index - 1)).build();
        builds = new HuntResult.BuildLevel(name, ids, bisection, lastGood, firstBad);
        listener.progress("culprit build: " + firstBad.nevra() + " (last good " + lastGood.nevra() + ", "
                + bisection.outcome() + confidence(bisection) + ")");
        return commitLevel(archive, roots, byId.get(ids.get(index - 1)), byId.get(ids.get(index)));
    }

    private HuntResult commitLevel(Archive archive, InstallRoots roots, ArchivedBuild lastGood, ArchivedBuild firstBad)
            throws IOException, InterruptedException, HuntInputException {
        String name = lastGood.build().name();
        if (UpstreamRevision.sameSource(lastGood.build(), firstBad.build())) {
            return packagingChange(archive, lastGood, firstBad);
        }
        UpstreamSources upstream = request.upstream();
        boolean named = request.sources().containsKey(name) || upstream != null && upstream.has(name);
        if (!named || request.commitProber() == null) {
            return end(HuntResult.Ending.BUILD, "culprit build " + firstBad.build().nevra()
                    + (!named ? "; no upstream repository given for " + name + " (" + (upstream == null
                    ? "--source " + name + "=GITDIR" : upstream.howToName(name)) + "), so the hunt ends at the build"
                    : "; no commit probe given, so the hunt ends at the build"));
        }
        enter(HuntResult.Level.COMMIT);
        Path repository = request.sources().get(name);
        if (repository == null) {
            listener.progress("which commit: fetching the upstream repository of " + name);
            try {
                repository = upstream.fetch(name);
            } catch (IOException e) {
                throw new HuntInputException(HuntResult.Ending.REPOSITORY, "cannot fetch the upstream repository of "
                        + name + ": " + e.getMessage());
            }
        }
        UpstreamRevision good = revision(lastGood.build(), request.goodRevision(), "--good-revision");
        UpstreamRevision bad = revision(firstBad.build(), request.badRevision(), "--bad-revision");
        try (CommitGraph graph = openGraph(repository)) {
            String goodId = resolve(graph, good, repository);
            String badId = resolve(graph, bad, repository);
            commits = new HuntResult.CommitLevel(name, repository.toString(), goodId, good.from(), badId, bad.from(),
                    null);
            if (goodId.equals(badId)) {
                return packagingChange(archive, lastGood, firstBad);
            }
            BisectRange range;
            try {
                // the flaky-aware search walks the first-parent chain only
                range = graph.range(List.of(goodId), badId, List.of(), request.flaky());
            } catch (BisectRangeException e) {
                throw new HuntInputException(HuntResult.Ending.BAD_INPUT, "cannot bisect " + repository + " from "
                        + goodId + " (" + good.from() + ") to " + badId + " (" + bad.from() + "): " + e.getMessage());
            }
            listener.progress("which commit: bisecting " + range.size() + " commits of " + repository + " after "
                    + abbreviate(goodId) + " up to " + abbreviate(badId));
            BisectResult bisection;
            commitRootsUsed = true;
            try (CommitProbe probe = request.commitProber().open(name, repository, roots)) {
                bisection = bisect("commits", range, probe, probe.suiteSignatures(), true,
                        id -> abbreviate(id) + " " + graph.describe(id).subject());
            }
            commits = new HuntResult.CommitLevel(name, repository.toString(), goodId, good.from(), badId, bad.from(),
                    bisection);
            if (bisection.outcome() != Outcome.COMPLETE || bisection.culprit() == null) {
                return end(HuntResult.Ending.INCONCLUSIVE, "which commit: " + bisection.outcome() + ": "
                        + bisection.reason());
            }
            return end(HuntResult.Ending.COMMIT, "culprit: " + name + " " + firstBad.build().evr() + ", commit "
                    + bisection.culprit().id() + " \"" + bisection.culprit().subject() + "\""
                    + (bisection.flaky() == null ? "" : " (" + confidence(bisection).substring(2) + ")"));
        }
    }

    private HuntResult packagingChange(Archive archive, ArchivedBuild lastGood, ArchivedBuild firstBad)
            throws InterruptedException {
        Path newer = archive.file(firstBad);
        ChangelogEntries read = newer.getFileName().toString().endsWith(".deb")
                ? DebianChangelog.between(newer, firstBad.build().name(), lastGood.build().evr(), firstBad.build().evr())
                : Changelog.between(newer, archive.file(lastGood), request.runner());
        read.notes().forEach(note -> listener.progress("packaging change: " + note));
        List<String> changelog = read.entries();
        String upstream = UpstreamRevision.upstreamVersion(firstBad.build().evr())
                + (firstBad.build().sourceCommit() == null ? "" : " (" + abbreviate(firstBad.build().sourceCommit()) + ")");
        packaging = new HuntResult.PackagingChange(lastGood.build().name(), upstream, lastGood.build().evr(),
                firstBad.build().evr(), changelog, read.notes());
        listener.progress("packaging change: " + lastGood.build().evr() + " and " + firstBad.build().evr()
                + " build the same upstream source " + upstream + (changelog.isEmpty() ? ""
                : "; changelog: " + changelog.get(0).lines().collect(Collectors.joining(" "))));
        return end(HuntResult.Ending.PACKAGING, "culprit: the packaging change from " + lastGood.build().nevra()
                + " to " + firstBad.build().nevra() + " (same upstream source " + upstream + ")");
    }

    private UpstreamRevision revision(Build build, String userRevision, String option) throws HuntInputException {
        String own = request.upstream() == null ? null : request.upstream().tagTemplate(build.name());
        String template = request.tagTemplate();
        if (own != null) {
            try {
                template = HuntRequest.checkTagTemplate(own);
            } catch (IllegalArgumentException e) {
                throw new HuntInputException(HuntResult.Ending.BAD_INPUT, "the upstream source of " + build.name()
                        + ": " + e.getMessage());
            }
        }
        return UpstreamRevision.of(build, template, userRevision).orElseThrow(() ->
                new HuntInputException(HuntResult.Ending.BAD_INPUT, "build " + build.nevra()
                        + " names no upstream commit (no VCS tag, no snapshot version): give --tag TEMPLATE or "
                        + option));
    }

    private static String resolve(CommitGraph graph, UpstreamRevision revision, Path repository)
            throws HuntInputException {
        try {
            return graph.resolve(revision.revision());
        } catch (BisectRangeException e) {
            throw new HuntInputException(HuntResult.Ending.BAD_INPUT, "'" + revision.revision() + "' ("
                    + revision.from() + ") is not in the repository " + repository + ": " + e.getMessage());
        }
    }

    private static CommitGraph openGraph(Path repository) throws HuntInputException {
        try {
            return CommitGraph.open(repository);
        } catch (BisectRangeException e) {
            throw new HuntInputException(HuntResult.Ending.REPOSITORY, "cannot open the upstream repository "
                    + repository + ": " + e.getMessage());
        }
    }

    /**
     * Bisects one level over the journal. A level that may turn flaky-aware runs the flaky-aware
     * search with {@code --flaky}, else the deterministic one, handing over when the runs of one
     * candidate disagree; either way every run goes through the journal, so a resumed hunt replays
     * the same runs in the same order and repeats none.
     */
    private BisectResult bisect(String levelName, BisectRange range, Probe probe, boolean sameFailure,
                                boolean mayTurnFlaky, java.util.function.Function<String, String> labels)
            throws IOException, InterruptedException {
        JournalProbe journal = journal(levelName, probe);
        ProgressListener progress = (record, remaining) -> progress(levelName, record, remaining, labels);
        String expected = sameFailure ? signature : null;
        Bisector deterministic = Bisector.builder().probes(request.probes()).confirm(request.confirm())
                .checkBadEnd(false).expectedSignature(expected).listener(progress).build();
        if (!mayTurnFlaky) {
            return deterministic.run(range, journal);
        }
        FlakyBisector flakySearch = FlakyBisector.builder().probes(request.probes()).confidence(request.confidence())
                .maxRuns(request.maxRuns()).expectedSignature(expected).listener(progress).build();
        if (request.flaky()) {
            listener.progress(String.format(Locale.ROOT, "[%s] flaky-aware search (confidence %s, at most %d runs)",
                    levelName, request.confidence(), request.maxRuns()));
            return flakySearch.run(range, journal);
        }
        return flakySearch.runAfter(deterministic, range, journal, notice -> {
            listener.progress("[" + levelName + "] " + notice);
            try {
                state.switched(levelName);
            } catch (IOException e) {
                listener.progress("cannot write the state file: " + e.getMessage());
            }
        });
    }

    private void progress(String levelName, ProbeRecord record, int left,
                          java.util.function.Function<String, String> names) {
        String label = labels.computeIfAbsent(record.candidate(), names::apply);
        remaining.put(HuntReport.key(record), left);
        String where = switch (record.phase()) {
            case VERIFY -> "verify";
            case BISECT -> "round " + record.round();
            case CONFIRM -> "confirm";
        };
        listener.progress(String.format(Locale.ROOT, "[%s %s] %s %s (%.1f s) %s; %d left", levelName, where,
                label, lower(record.verdict().name()), record.duration().toMillis() / 1000.0,
                record.reason(), left));
    }

    private HuntResult restore(Archive archive, SetTester tester, HuntResult result)
            throws IOException, InterruptedException {
        try {
            // the result keeps the level the hunt reached; the state file says it is restoring
            state.level(HuntResult.Level.RESTORE.name());
        } catch (IOException e) {
            listener.progress("cannot write the state file: " + e.getMessage());
        }
        List<String> failures = new ArrayList<>();
        List<SetTester.Restored> roots = new ArrayList<>(tester.restore(files(archive, sets.bad())));
        if (request.testers() != null && commitRootsUsed) {
            // the commit level probed on the request's own roots, beside the supplied tester's slots
            roots.addAll(SetTester.local().open(request, request.workDirectory().resolve("probes"))
                    .restore(files(archive, sets.bad())));
        }
        for (SetTester.Restored root : roots) {
            if (root.install() != null) {
                restored.add(root.install());
            }
            if (!root.success()) {
                failures.add(root.where() + ": " + root.error());
            }
        }
        if (failures.isEmpty()) {
            listener.progress("left " + restored.size() + " install root" + (restored.size() == 1 ? "" : "s")
                    + " at the failing set " + describe(sets.bad()) + ", verified");
            return rebuild(result.ending(), result.message());
        }
        return rebuild(HuntResult.Ending.RESTORE_FAILED, result.message() + "; leaving the failing set failed: "
                + String.join("; ", failures));
    }

    private Archive openArchive() throws IOException, HuntInputException {
        Path directory = request.archive();
        if (!Files.isRegularFile(directory.resolve(Archive.INDEX))) {
            throw new HuntInputException(HuntResult.Ending.BAD_INPUT, "archive " + directory + " has no "
                    + Archive.INDEX + ": make one with virt-regress poll --archive DIR");
        }
        return Archive.open(directory);
    }

    private Map<String, ArchivedBuild> setOf(Map<String, String> versions) {
        Map<String, ArchivedBuild> set = new LinkedHashMap<>();
        versions.forEach((name, version) -> set.put(name, sets.build(name, version)));
        return set;
    }

    private static List<PackageFile> files(Archive archive, Map<String, ArchivedBuild> set) {
        return set.values().stream().map(b -> new PackageFile(b.build().name(), b.build().evr(), archive.file(b)))
                .toList();
    }

    private JournalProbe journal(String levelName, Probe probe) {
        JournalProbe journal = new JournalProbe(state, levelName, probe);
        journals.add(journal);
        return journal;
    }

    private void enter(HuntResult.Level next) throws IOException {
        level = next;
        state.level(next.name());
    }

    private HuntResult end(HuntResult.Ending ending, String message) {
        listener.progress((ending.found() ? "" : "the hunt stops at level " + lower(level.name()) + ": ") + message);
        return rebuild(ending, message);
    }

    private HuntResult rebuild(HuntResult.Ending ending, String message) {
        int ran = journals.stream().mapToInt(JournalProbe::ran).sum();
        int replayed = journals.stream().mapToInt(JournalProbe::replayed).sum();
        return new HuntResult(ending, message, level, sets == null ? request.good() : HuntSets.versions(sets.good()),
                sets == null ? request.bad() : HuntSets.versions(sets.bad()), signature, packages, builds, commits,
                packaging, restored, ran, replayed);
    }

    private static ProbeResult probeOnce(Probe probe, Candidate candidate) throws InterruptedException {
        try {
            return probe.probe(candidate);
        } catch (ProbeAbortedException e) {
            return null;
        }
    }

    private static ProbeResult await(Future<ProbeResult> run) throws InterruptedException {
        try {
            return run.get();
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static String label(PackageUpdateChain chain, String id) {
        PackageUpdateChain.PartialState state = chain.state(id);
        return state.lastApplied() == null ? "good set" : "+" + state.lastApplied() + " "
                + state.versions().getOrDefault(state.lastApplied(), "(removed)");
    }

    private static String describe(Map<String, ArchivedBuild> set) {
        return set.values().stream().map(b -> b.build().name() + " " + b.build().evr())
                .collect(Collectors.joining(", "));
    }

    /** Returns ", confidence 0.9950" for a flaky-aware level's result, else nothing. */
    private static String confidence(BisectResult bisection) {
        return bisection.flaky() == null ? "" : String.format(Locale.ROOT, ", confidence %.4f",
                bisection.flaky().confidence());
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
