package org.virtregress.bisect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.virtregress.storage.Json;

/**
 * Bisects an intermittent failure: drives a {@link CulpritPosterior} with a {@link Probe}, one test
 * run at a time (or k at once), each run chosen to tell the most about the culprit, until the most
 * likely culprit holds the target confidence or the run budget is spent.
 *
 * <p>The candidates are the range's first-parent chain from the bad end, oldest first (the order
 * {@code --first-parent} gives; on a range with merges, commits off that chain are left out and
 * the result's notes say how many). The good end is the oldest candidate's parent.
 *
 * <p>Steps: the bad end runs until it fails once (within the budget; else
 * {@link Outcome#UNREPRODUCIBLE}, with how often it ran). While every run agrees with a
 * deterministic test, each round runs the k points splitting the candidates left into equal parts
 * (the midpoint for k = 1, as the deterministic search); otherwise it runs the k positions with
 * the largest expected information gain. The target is the confidence while the runs agree with a
 * deterministic test, and 1 - (1 - confidence) / 4 once one contradicts it. When one candidate
 * holds the target, the confirmation
 * runs the culprit and its parent until "this commit introduced it", weighed from the runs of the
 * culprit, its parent and the two ends alone, passes the target too ({@link Outcome#COMPLETE});
 * their runs feed the search as well, so a parent that fails sends the search on. A spent budget
 * ends {@link Outcome#UNCONFIRMED} (a culprit, its figures short of the target) or
 * {@link Outcome#INCONCLUSIVE} with the smallest set of candidates holding the target.
 *
 * <p>Every run is written to the state file as it arrives ({@link BisectState}, keys
 * {@code FLAKY/<candidate>/<occurrence>}); the choice of runs depends only on the outcomes before
 * them, so a resumed search replays the recorded runs and goes on exactly as an uninterrupted one.
 *
 * <p>Immutable and thread-safe; each {@link #run} uses its own pool and state.
 */
public final class FlakyBisector {
    /** The default target confidence. */
    public static final double DEFAULT_CONFIDENCE = 0.99;
    /** The default run budget. */
    public static final int DEFAULT_MAX_RUNS = 1000;

    private static final String REPLAYED = " (from the state file)";
    private static final String KEY_PREFIX = "FLAKY/";
    private static final int CHART_POSITIONS = 40;
    private static final double FLAKY_MARGIN = 4;

    private final int probes;
    private final double confidence;
    private final int maxRuns;
    private final FailureModel model;
    private final boolean sameFailure;
    private final String expectedSignature;
    private final Path stateFile;
    private final ProgressListener listener;
    private final BisectQuestion question;

    private FlakyBisector(Builder builder) {
        this.probes = builder.probes;
        this.confidence = builder.confidence;
        this.maxRuns = builder.maxRuns;
        this.model = builder.model;
        this.sameFailure = builder.sameFailure;
        this.expectedSignature = builder.expectedSignature;
        this.stateFile = builder.stateFile;
        this.listener = builder.listener;
        this.question = builder.question;
    }

    /**
     * Checks a target confidence: above 0.5 (a culprit more likely than all the others together)
     * and below 1 (which no finite number of runs reaches).
     *
     * @param p the confidence
     * @return {@code p}
     * @throws IllegalArgumentException when it is out of range
     */
    public static double checkConfidence(double p) {
        if (!(p > 0.5 && p < 1)) {
            throw new IllegalArgumentException("confidence must be above 0.5 and below 1: " + p);
        }
        return p;
    }

    /**
     * Checks a run budget: at least 1.
     *
     * @param n the most test runs
     * @return {@code n}
     * @throws IllegalArgumentException when it is below 1
     */
    public static int checkMaxRuns(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("max runs must be at least 1: " + n);
        }
        return n;
    }

    /** Returns a builder with the defaults: 1 run at a time, confidence 0.99, at most 1000 runs. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns whether a deterministic bisection met an intermittent failure, so that the
     * probabilistic search should take over: the bad end passed some runs and failed others, or a
     * commit of the confirmation did.
     *
     * @param result the deterministic bisection's result
     * @return true when one candidate of its bad-end check or of its confirmation both passed and failed
     */
    public static boolean isIntermittent(BisectResult result) {
        if (result.probes().stream().filter(r -> r.phase() == Phase.VERIFY).anyMatch(r ->
                r.runVerdicts().contains(Verdict.GOOD) && r.runVerdicts().contains(Verdict.BAD))) {
            return true;
        }
        Map<String, Set<Verdict>> seen = new HashMap<>();
        for (ProbeRecord record : result.confirmation()) {
            seen.computeIfAbsent(record.candidate(), id -> new HashSet<>()).addAll(record.runVerdicts());
        }
        return seen.values().stream().anyMatch(v -> v.contains(Verdict.GOOD) && v.contains(Verdict.BAD));
    }

    /**
     * Bisects a range.
     *
     * @param range the candidates
     * @param probe runs the test once on a candidate; called from up to {@code probes} threads at once,
     *     each call for a different candidate
     * @return the result, with its {@link BisectResult#flaky()} figures; an aborted search is a result too
     * @throws IOException if the state file cannot be read or written, or belongs to another range
     * @throws InterruptedException if the calling thread is interrupted; running probes are interrupted too
     */
    public BisectResult run(BisectRange range, Probe probe) throws IOException, InterruptedException {
        return new Execution(range, probe).execute(fingerprint(range));
    }

    /**
     * Returns the fingerprint this search records in its state file: the question, the range and
     * the rule that turns runs into outcomes (the same-failure check). The confidence and the budget
     * are left out: a resumed search may aim higher or run longer on the same runs.
     *
     * @param range the range
     * @return the fingerprint
     */
    public BisectFingerprint fingerprint(BisectRange range) {
        return BisectFingerprint.of(question, range,
                new BisectFingerprint.Rules(1, false, sameFailure, expectedSignature, 0));
    }

    /**
     * Bisects with the deterministic search first and hands over to this one when the failure turns
     * out intermittent ({@link #isIntermittent}): the entry point the command line, the plugin and
     * the hunt share, so that all of them switch on the same rule.
     *
     * @param deterministic the deterministic search; its state file may be this one's (their runs have other keys)
     * @param range the candidates
     * @param probe runs the test once on a candidate
     * @param notice told one sentence when the search switches, for the console
     * @return the deterministic result, or the flaky-aware one after a switch
     * @throws IOException if a state file cannot be read or written
     * @throws InterruptedException if the calling thread is interrupted
     */
    public BisectResult runAfter(Bisector deterministic, BisectRange range, Probe probe,
                                 java.util.function.Consumer<String> notice) throws IOException, InterruptedException {
        BisectResult result = deterministic.run(range, probe);
        if (!isIntermittent(result)) {
            return result;
        }
        notice.accept(String.format(Locale.ROOT, "The failure is intermittent (a commit passed some runs and failed"
                + " others): switching to the flaky-aware search (confidence %s, at most %d runs)", confidence, maxRuns));
        return new Execution(range, probe).execute(deterministic.fingerprint(range));
    }

    /** Collects the settings of a {@link FlakyBisector}. Not thread-safe. */
    public static final class Builder {
        private int probes = 1;
        private double confidence = DEFAULT_CONFIDENCE;
        private int maxRuns = DEFAULT_MAX_RUNS;
        private FailureModel model = FailureModel.standard();
        private boolean sameFailure;
        private String expectedSignature;
        private Path stateFile;
        private ProgressListener listener = ProgressListener.NONE;
        private BisectQuestion question = BisectQuestion.UNKNOWN;

        private Builder() {
        }

        /**
         * Sets what the caller knows of the question (repository, range limits, test), recorded in
         * the state file's fingerprint so that a state of another question is never reused.
         */
        public Builder question(BisectQuestion value) {
            this.question = value == null ? BisectQuestion.UNKNOWN : value;
            return this;
        }

        /** Sets how many runs go at once in one round, each on another candidate; at least 1. */
        public Builder probes(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("probes must be at least 1: " + k);
            }
            this.probes = k;
            return this;
        }

        /** Sets the posterior the answer must reach, strictly between 0.5 and 1. */
        public Builder confidence(double p) {
            this.confidence = checkConfidence(p);
            return this;
        }

        /** Sets the run budget: the most test runs in all, the bad end's included; at least 1. */
        public Builder maxRuns(int n) {
            this.maxRuns = checkMaxRuns(n);
            return this;
        }

        /** Sets the grid of failure probabilities to marginalise over. */
        public Builder model(FailureModel value) {
            this.model = java.util.Objects.requireNonNull(value, "model");
            return this;
        }

        /** Counts a failure whose signature differs from the bad end's (or the expected one) as untestable. */
        public Builder sameFailure(boolean value) {
            this.sameFailure = value;
            return this;
        }

        /** Sets the expected failure signature (and turns the same-failure check on when not null). */
        public Builder expectedSignature(String signature) {
            this.expectedSignature = signature;
            if (signature != null) {
                this.sameFailure = true;
            }
            return this;
        }

        /** Sets the state file to write every run to, and to resume from when it exists. */
        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        /** Sets the listener told about every run; its count is the size of the smallest set holding the target. */
        public Builder listener(ProgressListener value) {
            this.listener = value == null ? ProgressListener.NONE : value;
            return this;
        }

        /** Returns the bisector with these settings. */
        public FlakyBisector build() {
            return new FlakyBisector(this);
        }
    }

    /** One search: its chain, posterior, journal and records. */
    private final class Execution {
        private final BisectRange range;
        private final Probe probe;
        private final List<Candidate> chain = new ArrayList<>();
        private final Candidate goodEnd;
        private final CulpritPosterior posterior;
        /** Untestable positions, shifted by one so that the good end (-1) is bit 0. */
        private final java.util.BitSet untestable = new java.util.BitSet();
        private final Map<String, BisectState.Run> journal = new HashMap<>();
        private final Map<String, Integer> occurrences = new HashMap<>();
        private final List<ProbeRecord> records = new ArrayList<>();
        private final List<ProbeRecord> confirmation = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final long started = System.nanoTime();
        private BisectState state;
        private String expected = expectedSignature;
        private int runs;
        private int rounds;

        Execution(BisectRange range, Probe probe) {
            this.range = range;
            this.probe = probe;
            Map<String, Candidate> byId = new HashMap<>();
            range.candidates().forEach(c -> byId.put(c.id(), c));
            Set<String> seen = new HashSet<>();
            for (String id = range.bad(); id != null && seen.add(id); ) {
                chain.add(0, byId.getOrDefault(id, Candidate.of(id)));
                List<String> parents = range.parents().getOrDefault(id, List.of());
                id = parents.isEmpty() || !range.parents().containsKey(parents.get(0)) ? null : parents.get(0);
            }
            int left = range.size() - chain.size();
            if (left > 0) {
                notes.add(left + " candidate" + (left == 1 ? " is" : "s are") + " off the first-parent chain of the"
                        + " bad end and were not searched: a merge stands for the commits it brings in");
            }
            List<Candidate> parents = range.catalog().parentsOf(chain.get(0).id());
            goodEnd = !parents.isEmpty() ? parents.get(0)
                    : range.goods().isEmpty() ? null : Candidate.of(range.goods().get(0));
            posterior = new CulpritPosterior(chain.size(), model);
        }

        BisectResult execute(BisectFingerprint fingerprint) throws IOException, InterruptedException {
            state = BisectState.start(fingerprint);
            if (stateFile != null) {
                Optional<BisectState> loaded = BisectState.resume(stateFile, fingerprint);
                if (loaded.isPresent()) {
                    loaded.get().runs().forEach(run -> journal.put(run.key(), run));
                    state = loaded.get();
                } else {
                    Json.writeAtomically(stateFile, state);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(probes, runnable -> {
                Thread thread = new Thread(runnable, "bisect-probe");
                thread.setDaemon(true);
                return thread;
            });
            try {
                return search(pool);
            } catch (ProbeAbortedException e) {
                return result(Outcome.ABORTED, "aborted: " + e.getMessage(), null, List.of(), top(posterior.probabilities()));
            } finally {
                pool.shutdownNow();
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("probes did not stop within a minute of being cancelled");
                }
            }
        }

        private BisectResult search(ExecutorService pool)
                throws IOException, InterruptedException, ProbeAbortedException {
            int badEnd = chain.size() - 1;
            while (posterior.fails(badEnd) == 0) {
                if (runs >= maxRuns) {
                    return result(Outcome.UNREPRODUCIBLE, "the bad end " + chain.get(badEnd).shortId() + " passed all "
                            + runs + " runs of the budget: the failure does not reproduce", null, List.of(), null);
                }
                runRound(pool, Phase.VERIFY, List.of(badEnd));
                if (untestable.get(badEnd + 1)) {
                    return result(Outcome.INCONCLUSIVE, "the bad end " + chain.get(badEnd).shortId()
                            + " cannot be tested: " + records.get(records.size() - 1).reason(), null,
                            newestFirst(0, badEnd), null);
                }
            }
            while (true) {
                double[] probabilities = posterior.probabilities();
                Block top = top(probabilities);
                double target = target();
                if (top.mass() >= target) {
                    if (top.first() != top.last()) {
                        return result(Outcome.INCONCLUSIVE, String.format(Locale.ROOT, "untestable candidates hide the"
                                + " culprit: it is one of these %d with probability %.4f", top.last() - top.first() + 1,
                                top.mass()), null, newestFirst(top.first(), top.last()), top);
                    }
                    int culprit = top.last();
                    CulpritPosterior.Introduction introduction = posterior.introduced(culprit);
                    if (introduction.introduced() >= target) {
                        return result(Outcome.COMPLETE, String.format(Locale.ROOT, "first bad: %s with probability %.4f;"
                                + " confirmed: %s", chain.get(culprit).id(), top.mass(), figures(culprit, introduction)),
                                culprit, List.of(), top);
                    }
                    List<Integer> next = confirmationProbes(culprit, introduction);
                    if (runs >= maxRuns || next.isEmpty()) {
                        return result(Outcome.UNCONFIRMED, String.format(Locale.ROOT, "the search points to %s with"
                                + " probability %.4f but %s: %s", chain.get(culprit).id(), top.mass(),
                                next.isEmpty() ? "its parent cannot be tested" : "the run budget is spent",
                                figures(culprit, introduction)), culprit, List.of(), top);
                    }
                    runRound(pool, Phase.CONFIRM, next.subList(0, Math.min(next.size(), maxRuns - runs)));
                    continue;
                }
                if (runs < maxRuns && steady(pool)) {
                    continue;
                }
                List<CulpritPosterior.Pick> picks = runs >= maxRuns ? List.of()
                        : posterior.nextProbes(Math.min(probes, maxRuns - runs), this::testable);
                if (picks.isEmpty()) {
                    Block set = smallestSet(probabilities);
                    return result(Outcome.INCONCLUSIVE, String.format(Locale.ROOT, "%s after %d runs: the culprit is one"
                            + " of these %d with probability %.4f, the most likely %s (%.4f)",
                            runs >= maxRuns ? "the run budget is spent" : "no candidate left to test", runs,
                            set.members().size(), set.mass(), chain.get(top.last()).shortId(), top.mass()), null,
                            set.members().stream().sorted(Comparator.reverseOrder())
                                    .map(i -> chain.get(i).id()).toList(), set);
                }
                rounds++;
                runRound(pool, Phase.BISECT, picks.stream().map(CulpritPosterior.Pick::position).toList());
            }
        }

        /**
         * While every run agrees with a deterministic test, runs what the deterministic search would:
         * the points splitting the interval left between the newest pass and the oldest failure into
         * equal parts (the midpoint for one run at a time). Returns false, running nothing, when the
         * runs disagree, one candidate is left, or a point cannot be tested; the search then chooses
         * by information gain, which confirms a lone candidate with the fewest runs.
         */
        private boolean steady(ExecutorService pool) throws IOException, InterruptedException, ProbeAbortedException {
            Optional<int[]> interval = posterior.consistentInterval();
            if (interval.isEmpty()) {
                return false;
            }
            int newestPass = interval.get()[0];
            int oldestFail = interval.get()[1];
            if (oldestFail - newestPass == 1) {
                return false;
            }
            int width = oldestFail - newestPass;
            int count = Math.min(Math.min(probes, maxRuns - runs), width - 1);
            List<Integer> points = new ArrayList<>();
            for (int j = 1; j <= count; j++) {
                int point = newestPass + (int) Math.round((double) j * width / (count + 1));
                point = Math.max(newestPass + 1, Math.min(oldestFail - 1, point));
                if (!testable(point)) {
                    return false;
                }
                if (!points.contains(point)) {
                    points.add(point);
                }
            }
            rounds++;
            runRound(pool, Phase.BISECT, points);
            return true;
        }

        /**
         * The posterior an answer must reach: the confidence while every run agrees with a
         * deterministic test; once one contradicts it, a quarter of the error the confidence allows
         * (0.9975 for 0.99), a margin for a flaky test that strays from the model (q varying from
         * commit to commit, or a streak the grid finds too unlikely).
         */
        private double target() {
            return posterior.consistentInterval().isPresent() ? confidence : 1 - (1 - confidence) / FLAKY_MARGIN;
        }

        private List<Integer> confirmationProbes(int culprit, CulpritPosterior.Introduction introduction) {
            int parent = culprit - 1;
            boolean parentFirst = introduction.older() >= introduction.newer();
            List<Integer> out = new ArrayList<>();
            for (int position : parentFirst ? new int[] {parent, culprit} : new int[] {culprit, parent}) {
                if (testable(position) && out.size() < probes) {
                    out.add(position);
                }
            }
            return out;
        }

        private String figures(int culprit, CulpritPosterior.Introduction introduction) {
            int parent = culprit - 1;
            return String.format(Locale.ROOT, "%s passed %d of %d runs, the culprit failed %d of %d;"
                    + " P(it introduced the failure) = %.4f", parent < 0 ? "the good end" : "its parent",
                    posterior.passes(parent), posterior.passes(parent) + posterior.fails(parent),
                    posterior.fails(culprit), posterior.passes(culprit) + posterior.fails(culprit),
                    introduction.introduced());
        }

        private boolean testable(int position) {
            return !untestable.get(position + 1) && (position >= 0 || goodEnd != null);
        }

        private Candidate at(int position) {
            return position < 0 ? goodEnd : chain.get(position);
        }

        /** The most probable run of positions that no test can tell apart: untestable ones and the next testable. */
        private Block top(double[] probabilities) {
            Block best = null;
            int first = 0;
            double mass = 0;
            for (int i = 0; i < probabilities.length; i++) {
                mass += probabilities[i];
                if (!untestable.get(i + 1) || i == probabilities.length - 1) {
                    if (best == null || mass > best.mass()) {
                        best = new Block(first, i, mass, List.of());
                    }
                    first = i + 1;
                    mass = 0;
                }
            }
            return best;
        }

        private Block smallestSet(double[] probabilities) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < probabilities.length; i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparing(i -> i));
            List<Integer> members = new ArrayList<>();
            double mass = 0;
            for (int i : order) {
                if (mass >= confidence) {
                    break;
                }
                members.add(i);
                mass += probabilities[i];
            }
            members.sort(null);
            return new Block(members.get(0), members.get(members.size() - 1), mass, members);
        }

        private List<String> newestFirst(int first, int last) {
            List<String> out = new ArrayList<>();
            for (int i = last; i >= first; i--) {
                out.add(chain.get(i).id());
            }
            return out;
        }

        private void runRound(ExecutorService pool, Phase phase, List<Integer> positions)
                throws IOException, InterruptedException, ProbeAbortedException {
            List<Callable<ProbeResult>> tasks = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int position : positions) {
                Candidate candidate = at(position);
                int occurrence = occurrences.merge(candidate.id(), 1, Integer::sum);
                String key = KEY_PREFIX + candidate.id() + "/" + occurrence;
                keys.add(key);
                tasks.add(() -> runOnce(candidate, key));
            }
            List<ProbeResult> results = runAll(pool, tasks);
            for (int i = 0; i < positions.size(); i++) {
                int position = positions.get(i);
                ProbeResult result = results.get(i);
                Verdict verdict = result.verdict();
                String reason = result.reason();
                if (verdict == Verdict.BAD && sameFailure) {
                    if (expected == null && phase == Phase.VERIFY) {
                        expected = result.failureSignature();
                    } else if (expected != null && !expected.equals(result.failureSignature())) {
                        verdict = Verdict.SKIP;
                        reason = "failed differently: " + result.failureSignature() + " instead of " + expected;
                    }
                }
                runs++;
                if (verdict == Verdict.GOOD || verdict == Verdict.BAD) {
                    posterior.observe(position, verdict == Verdict.BAD);
                } else {
                    untestable.set(position + 1);
                }
                ProbeRecord record = new ProbeRecord(phase, phase == Phase.BISECT ? rounds : 0, at(position).id(),
                        at(position).treeId(), verdict, 1, List.of(verdict), result.duration(), result.logRef(),
                        result.failureSignature(), reason, false);
                (phase == Phase.CONFIRM ? confirmation : records).add(record);
                if (listener != ProgressListener.NONE) {
                    listener.probed(record, smallestSet(posterior.probabilities()).members().size());
                }
            }
        }

        private ProbeResult runOnce(Candidate candidate, String key) throws ProbeAbortedException, InterruptedException {
            BisectState.Run journaled;
            synchronized (this) {
                journaled = journal.get(key);
            }
            if (journaled != null) {
                ProbeResult stored = journaled.toResult();
                return stored.withVerdict(stored.verdict(), stored.reason() + REPLAYED);
            }
            ProbeResult result = probe.probe(candidate);
            write(new BisectState.Run(key, result.verdict(), result.duration(), result.logRef(),
                    result.failureSignature(), result.reason()));
            return result;
        }

        private List<ProbeResult> runAll(ExecutorService pool, List<Callable<ProbeResult>> tasks)
                throws IOException, InterruptedException, ProbeAbortedException {
            if (tasks.size() == 1) {
                try {
                    return List.of(tasks.get(0).call());
                } catch (ProbeAbortedException | InterruptedException e) {
                    throw e;
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            List<Future<ProbeResult>> futures = new ArrayList<>();
            for (Callable<ProbeResult> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<ProbeResult> out = new ArrayList<>();
            try {
                for (Future<ProbeResult> future : futures) {
                    out.add(future.get());
                }
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof ProbeAbortedException aborted) {
                    throw aborted;
                }
                if (cause instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                throw e;
            }
            return out;
        }

        /** Records one run and rewrites the state file; an interrupt must not lose a run that already arrived. */
        private synchronized void write(BisectState.Run run) {
            state = state.with(run);
            if (stateFile == null) {
                return;
            }
            boolean interrupted = Thread.interrupted();
            try {
                while (true) {
                    try {
                        Json.writeAtomically(stateFile, state);
                        return;
                    } catch (ClosedByInterruptException e) {
                        interrupted |= Thread.interrupted();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private BisectResult result(Outcome outcome, String reason, Integer culprit, List<String> left, Block answer) {
            List<CandidateDetails> rangeDetails = left.stream().map(id -> range.catalog().describe(id)).toList();
            List<ProbeRecord> all = new ArrayList<>(records);
            all.addAll(confirmation);
            Duration testTime = all.stream().map(ProbeRecord::duration).reduce(Duration.ZERO, Duration::plus);
            int bisectionProbes = (int) records.stream().filter(r -> r.phase() == Phase.BISECT).count();
            double[] probabilities = posterior.probabilities();
            int badEnd = chain.size() - 1;
            Double introduced = culprit == null ? null : posterior.introduced(culprit).introduced();
            FlakyFigures figures = new FlakyFigures(confidence, answer == null ? 0 : answer.mass(), introduced, maxRuns,
                    posterior.fails(badEnd) + posterior.passes(badEnd), posterior.fails(badEnd),
                    posterior.meanFailWhenBad(), posterior.meanFailWhenGood(), chart(probabilities));
            return new BisectResult(range.goods(), range.bad(), range.size(), outcome, reason,
                    culprit == null ? null : range.catalog().describe(chain.get(culprit).id()), rangeDetails, records,
                    confirmation, rounds, bisectionProbes, runs, probes, Duration.ofNanos(System.nanoTime() - started),
                    testTime, expected, notes, figures);
        }

        /** The candidates worth a chart: the window around the most probable ones, oldest first. */
        private List<FlakyFigures.Position> chart(double[] probabilities) {
            List<Integer> members = new ArrayList<>(smallestSet(probabilities).members());
            int first = members.get(0);
            int last = members.get(members.size() - 1);
            List<Integer> shown = new ArrayList<>();
            if (last - first < CHART_POSITIONS - 4) {
                for (int i = Math.max(0, first - 2); i <= Math.min(probabilities.length - 1, last + 2); i++) {
                    shown.add(i);
                }
            } else {
                members.sort(Comparator.comparingDouble((Integer i) -> -probabilities[i]).thenComparing(i -> i));
                shown.addAll(members.subList(0, Math.min(CHART_POSITIONS, members.size())));
                shown.sort(null);
            }
            return shown.stream().map(i -> new FlakyFigures.Position(chain.get(i).id(), probabilities[i],
                    posterior.fails(i) + posterior.passes(i), posterior.fails(i))).toList();
        }
    }

    /** Positions first..last holding a mass of probability; members when they are not contiguous. */
    private record Block(int first, int last, double mass, List<Integer> members) {
    }
}
