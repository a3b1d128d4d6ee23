package org.virtregress.bisect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.virtregress.storage.Json;

/**
 * Drives a {@link BisectSession} with a {@link Probe}: checks that the bad end fails, runs k probes
 * per round on a thread pool, repeats runs against flaky tests, never tests the same tree twice,
 * confirms the culprit at the end, and writes every run to a state file as it arrives so that a
 * killed bisection resumes without running any test again.
 *
 * <p>Repeat policy: each probe runs the test up to {@code repeat} times. By default a failure
 * (with the expected signature) makes the candidate BAD at once and GOOD needs every run to pass,
 * as a regression that fails intermittently is still a regression. With {@code failureWins(false)}
 * the runs must agree; mixed runs are retested once with as many runs again, and a candidate that is
 * still mixed is WEAK (kept in the range, never blamed on its own).
 *
 * <p>Confirmation: the culprit's parents must each pass {@code confirm} probes and the culprit must
 * fail {@code confirm} probes (a culprit probe that passes is retested, at most {@code confirm}
 * extra probes); otherwise the outcome is {@link Outcome#UNCONFIRMED}. When a parent inside the
 * range fails, a candidate judged good was in fact bad (a flaky pass): the bisection runs once more
 * below that parent, keeping only the failures and skips seen so far, and confirms again.
 *
 * <p>The class is larger than most: the driver's steps (verify, narrow, confirm, re-bisect, journal)
 * share one execution state, and splitting them would pass that state around.
 *
 * <p>Immutable and thread-safe; each {@link #run} uses its own pool and state.
 */
public final class Bisector {
    private static final String REPLAYED = " (from the state file)";

    private final int probes;
    private final int repeat;
    private final int confirm;
    private final boolean failureWins;
    private final boolean sameFailure;
    private final String expectedSignature;
    private final boolean checkBadEnd;
    private final Path stateFile;
    private final ProgressListener listener;
    private final BisectQuestion question;

    private Bisector(Builder builder) {
        this.probes = builder.probes;
        this.repeat = builder.repeat;
        this.confirm = builder.confirm;
        this.failureWins = builder.failureWins;
        this.sameFailure = builder.sameFailure;
        this.expectedSignature = builder.expectedSignature;
        this.checkBadEnd = builder.checkBadEnd;
        this.stateFile = builder.stateFile;
        this.listener = builder.listener;
        this.question = builder.question;
    }

    /** Returns a builder with the defaults: 1 probe per round, 1 run per probe, 3 confirmations. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Bisects a range.
     *
     * @param range the candidates
     * @param probe tests one candidate; called from up to {@code probes} threads at once
     * @return the result; an aborted bisection is a result too
     * @throws IOException if the state file cannot be read or written (its previous content stays intact)
     * @throws InterruptedException if the calling thread is interrupted; running probes are interrupted too
     */
    public BisectResult run(BisectRange range, Probe probe) throws IOException, InterruptedException {
        return new Execution(range, probe).execute();
    }

    /**
     * Returns the fingerprint a bisection of the range with these settings records in its state file,
     * and which a state file must match to be resumed (see {@link BisectState#resume}).
     *
     * @param range the range
     * @return the fingerprint
     */
    public BisectFingerprint fingerprint(BisectRange range) {
        return BisectFingerprint.of(question, range,
                new BisectFingerprint.Rules(repeat, !failureWins, sameFailure, expectedSignature, confirm));
    }

    /** Collects the settings of a {@link Bisector}. Not thread-safe. */
    public static final class Builder {
        private int probes = 1;
        private int repeat = 1;
        private int confirm = 3;
        private boolean failureWins = true;
        private boolean sameFailure;
        private String expectedSignature;
        private boolean checkBadEnd = true;
        private Path stateFile;
        private ProgressListener listener = ProgressListener.NONE;
        private BisectQuestion question = BisectQuestion.UNKNOWN;

        private Builder() {
        }

        /** Sets how many probes run at once in one round (k-section), at least 1. */
        public Builder probes(int k) {
            this.probes = positive(k, "probes");
            return this;
        }

        /** Sets how many times a probe may run its test before deciding, at least 1. */
        public Builder repeat(int n) {
            this.repeat = positive(n, "repeat");
            return this;
        }

        /** Sets how many confirmation probes the culprit and its parents get; 0 turns confirmation off. */
        public Builder confirm(int m) {
            if (m < 0) {
                throw new IllegalArgumentException("confirm must not be negative: " + m);
            }
            this.confirm = m;
            return this;
        }

        /** Chooses whether one failing run makes a candidate bad (true, the default) or runs must agree. */
        public Builder failureWins(boolean value) {
            this.failureWins = value;
            return this;
        }

        /**
         * Turns on the same-failure check: a bad run whose failure signature differs from the
         * expected one counts as SKIP. The expected signature is the given one or, when none is
         * given, the bad end's.
         */
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

        /** Chooses whether the bad end is tested first (the default); without it a passing bad end goes unnoticed. */
        public Builder checkBadEnd(boolean value) {
            this.checkBadEnd = value;
            return this;
        }

        /** Sets the state file to write every run to, and to resume from when it exists. */
        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        /**
         * Sets what the caller knows of the question (repository, range limits, test), recorded in
         * the state file's fingerprint so that a state of another question is never reused.
         */
        public Builder question(BisectQuestion value) {
            this.question = value == null ? BisectQuestion.UNKNOWN : value;
            return this;
        }

        /** Sets the listener told about every probe. */
        public Builder listener(ProgressListener value) {
            this.listener = value == null ? ProgressListener.NONE : value;
            return this;
        }

        /** Returns the bisector with these settings. */
        public Bisector build() {
            return new Bisector(this);
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + value);
            }
            return value;
        }
    }

    /** One bisection: its journal, cache, pool and records. */
    private final class Execution {
        private final BisectRange range;
        private final Probe probe;
        private final Map<String, Candidate> candidates = new HashMap<>();
        private final Map<String, BisectState.Run> journal = new HashMap<>();
        private final Map<String, ProbeRecord> cache = new HashMap<>();
        private final Map<String, AtomicInteger> occurrences = new HashMap<>();
        private final List<ProbeRecord> records = new ArrayList<>();
        private final List<ProbeRecord> confirmation = new ArrayList<>();
        private final long started = System.nanoTime();
        private BisectState state;
        private String expected = expectedSignature;
        private BisectSession session;
        private int rounds;

        Execution(BisectRange range, Probe probe) {
            this.range = range;
            this.probe = probe;
            range.candidates().forEach(c -> candidates.put(c.id(), c));
        }

        BisectResult execute() throws IOException, InterruptedException {
            BisectFingerprint fingerprint = fingerprint(range);
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
            session = range.session();
            ExecutorService pool = Executors.newFixedThreadPool(probes, runnable -> {
                Thread thread = new Thread(runnable, "bisect-probe");
                thread.setDaemon(true);
                return thread;
            });
            try {
                return bisect(pool);
            } catch (ProbeAbortedException e) {
                return result(Outcome.ABORTED, "aborted: " + e.getMessage(), null, List.of());
            } finally {
                pool.shutdownNow();
                awaitProbes(pool);
            }
        }

        /** Waits for cancelled probes to stop (their processes are killed), so none writes after the run. */
        private static void awaitProbes(ExecutorService pool) {
            try {
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("probes did not stop within a minute of being cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private BisectResult bisect(ExecutorService pool)
                throws IOException, InterruptedException, ProbeAbortedException {
            Candidate badEnd = candidates.get(range.bad());
            if (checkBadEnd) {
                ProbeRecord verify = runAll(pool, List.of(task(Phase.VERIFY, 0, badEnd))).get(0);
                records.add(verify);
                remember(verify);
                listener.probed(verify, session.remainingCount());
                switch (verify.verdict()) {
                    case GOOD -> {
                        return result(Outcome.UNREPRODUCIBLE, "the bad end " + badEnd.shortId() + " passed "
                                + verify.runs() + " of " + verify.runs() + " runs: the failure does not reproduce",
                                null, List.of());
                    }
                    case WEAK -> {
                        return result(Outcome.UNREPRODUCIBLE, "the bad end " + badEnd.shortId()
                                + " fails only intermittently (" + verify.reason() + ")", null, List.of());
                    }
                    case SKIP -> {
                        return result(Outcome.INCONCLUSIVE, "the bad end " + badEnd.shortId()
                                + " cannot be tested: " + verify.reason(), null, session.remaining());
                    }
                    default -> {
                        if (sameFailure && expected == null) {
                            expected = verify.failureSignature();
                        }
                    }
                }
            }
            for (int attempt = 0; ; attempt++) {
                narrow(pool);
                if (session.culprit().isEmpty()) {
                    List<String> left = session.remaining();
                    return result(Outcome.INCONCLUSIVE, "only untestable candidates are left: the first bad one is"
                            + " one of these " + left.size(), null, left);
                }
                String culpritId = session.culprit().get();
                if (confirm == 0) {
                    return result(Outcome.COMPLETE, "first bad: " + culpritId + " (confirmation turned off)",
                            range.catalog().describe(culpritId), List.of());
                }
                Confirmation confirmed = confirm(pool, culpritId);
                if (confirmed.failingParent() != null && attempt == 0 && session.contains(confirmed.failingParent())) {
                    rebisectBelow(confirmed.failingParent());
                    continue;
                }
                return confirmed.result();
            }
        }

        /** Runs rounds until the session is done. */
        private void narrow(ExecutorService pool) throws IOException, InterruptedException, ProbeAbortedException {
            while (!session.isDone()) {
                rounds++;
                List<Callable<ProbeRecord>> tasks = new ArrayList<>();
                List<ProbeRecord> fromCache = new ArrayList<>();
                for (String id : session.nextProbes(probes)) {
                    Candidate candidate = candidates.get(id);
                    ProbeRecord cached = candidate.treeId() == null ? null : cache.get(candidate.treeId());
                    if (cached != null) {
                        fromCache.add(new ProbeRecord(Phase.BISECT, rounds, id, candidate.treeId(), cached.verdict(),
                                0, List.of(), Duration.ZERO, cached.logRef(), cached.failureSignature(),
                                "same tree as " + cached.candidate() + ", tested before", true));
                    } else {
                        tasks.add(task(Phase.BISECT, rounds, candidate));
                    }
                }
                List<ProbeRecord> round = new ArrayList<>(fromCache);
                round.addAll(runAll(pool, tasks));
                Map<String, Verdict> verdicts = new LinkedHashMap<>();
                for (ProbeRecord record : round) {
                    records.add(record);
                    remember(record);
                    verdicts.put(record.candidate(), record.verdict());
                }
                session.markAll(verdicts);
                round.forEach(record -> listener.probed(record, session.remainingCount()));
            }
        }

        /**
         * The culprit's parent failed its confirmation: some candidate judged good was bad after all
         * (a flaky pass). Bisects again below the parent, trusting only the failures seen so far.
         */
        private void rebisectBelow(String failingParent) {
            session = range.session();
            Map<String, Verdict> trusted = new LinkedHashMap<>();
            trusted.put(failingParent, Verdict.BAD);
            for (ProbeRecord record : records) {
                if (record.verdict() == Verdict.BAD || record.verdict() == Verdict.SKIP) {
                    trusted.putIfAbsent(record.candidate(), record.verdict());
                }
            }
            session.markAll(trusted);
            cache.values().removeIf(record -> record.verdict() == Verdict.GOOD);
        }

        /** What the confirmation probes said, and which parent failed when one did. */
        private record Confirmation(BisectResult result, String failingParent) {
        }

        private Confirmation confirm(ExecutorService pool, String culpritId)
                throws IOException, InterruptedException, ProbeAbortedException {
            CandidateDetails culprit = range.catalog().describe(culpritId);
            List<Candidate> parents = range.catalog().parentsOf(culpritId);
            List<Callable<ProbeRecord>> tasks = new ArrayList<>();
            for (Candidate parent : parents) {
                for (int i = 0; i < confirm; i++) {
                    tasks.add(task(Phase.CONFIRM, 0, parent));
                }
            }
            for (int i = 0; i < confirm; i++) {
                tasks.add(task(Phase.CONFIRM, 0, candidates.get(culpritId)));
            }
            List<ProbeRecord> done = new ArrayList<>(runAll(pool, tasks));
            long bad = countOf(done, culpritId, Verdict.BAD);
            for (int extra = 0; bad < confirm && extra < confirm && countOf(done, culpritId, Verdict.SKIP) == 0; ) {
                int more = (int) Math.min(confirm - bad, confirm - extra);
                List<Callable<ProbeRecord>> retest = new ArrayList<>();
                for (int i = 0; i < more; i++) {
                    retest.add(task(Phase.CONFIRM, 0, candidates.get(culpritId)));
                }
                done.addAll(runAll(pool, retest));
                extra += more;
                bad = countOf(done, culpritId, Verdict.BAD);
            }
            List<String> problems = new ArrayList<>();
            String failingParent = null;
            for (Candidate parent : parents) {
                long good = countOf(done, parent.id(), Verdict.GOOD);
                if (good < confirm) {
                    problems.add("parent " + parent.id() + " passed only " + good + " of " + confirm + " probes");
                    if (failingParent == null && countOf(done, parent.id(), Verdict.BAD) > 0) {
                        failingParent = parent.id();
                    }
                }
            }
            long culpritProbes = done.stream().filter(r -> r.candidate().equals(culpritId)).count();
            if (bad < confirm) {
                problems.add("culprit " + culpritId + " failed only " + bad + " of " + culpritProbes + " probes");
            }
            for (ProbeRecord record : done) {
                confirmation.add(record);
                listener.probed(record, session.remainingCount());
            }
            if (problems.isEmpty()) {
                return new Confirmation(result(Outcome.COMPLETE, "first bad: " + culpritId + "; confirmed: "
                        + (parents.isEmpty() ? "" : "its parent passed " + confirm + " probes, ") + "it failed "
                        + confirm + (culpritProbes > confirm ? " of " + culpritProbes : "") + " probes", culprit,
                        List.of()), null);
            }
            return new Confirmation(result(Outcome.UNCONFIRMED, "bisection points to " + culpritId
                    + " but the confirmation disagreed: " + String.join("; ", problems), culprit, List.of()),
                    failingParent);
        }

        private static long countOf(List<ProbeRecord> records, String candidate, Verdict verdict) {
            return records.stream().filter(r -> r.candidate().equals(candidate) && r.verdict() == verdict).count();
        }

        private void remember(ProbeRecord record) {
            if (record.treeId() != null && !record.cached()) {
                cache.putIfAbsent(record.treeId(), record);
            }
        }

        private Callable<ProbeRecord> task(Phase phase, int round, Candidate candidate) {
            int occurrence = occurrences.computeIfAbsent(phase + "/" + candidate.id(), key -> new AtomicInteger())
                    .incrementAndGet();
            String prefix = phase + "/" + candidate.id() + "/" + occurrence;
            String expectedNow = expected;
            return () -> probeWithRepeats(phase, round, candidate, prefix, expectedNow);
        }

        private List<ProbeRecord> runAll(ExecutorService pool, List<Callable<ProbeRecord>> tasks)
                throws IOException, InterruptedException, ProbeAbortedException {
            List<Future<ProbeRecord>> futures = new ArrayList<>();
            for (Callable<ProbeRecord> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<ProbeRecord> out = new ArrayList<>();
            try {
                for (Future<ProbeRecord> future : futures) {
                    out.add(future.get());
                }
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof ProbeAbortedException aborted) {
                    throw aborted;
                }
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof InterruptedException interrupted) {
                    throw interrupted;
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

        private ProbeRecord probeWithRepeats(Phase phase, int round, Candidate candidate, String prefix,
                                             String expectedNow) throws ProbeAbortedException, InterruptedException {
            List<ProbeResult> runs = new ArrayList<>();
            Verdict verdict = null;
            int attempt = 0;
            int batches = failureWins ? 1 : 2;
            boolean mixedBefore = false;
            for (int batch = 0; batch < batches && verdict == null; batch++) {
                int goods = 0;
                int bads = 0;
                for (int i = 0; i < repeat; i++) {
                    ProbeResult run = runOnce(candidate, prefix + "/" + attempt++, expectedNow);
                    runs.add(run);
                    if (run.verdict() == Verdict.SKIP || run.verdict() == Verdict.WEAK) {
                        verdict = run.verdict();
                        break;
                    }
                    if (run.verdict() == Verdict.BAD) {
                        bads++;
                        if (failureWins) {
                            verdict = Verdict.BAD;
                            break;
                        }
                    } else {
                        goods++;
                    }
                    if (goods > 0 && bads > 0) {
                        break;
                    }
                }
                if (verdict == null) {
                    if (bads == 0) {
                        verdict = Verdict.GOOD;
                    } else if (goods == 0) {
                        verdict = Verdict.BAD;
                    } else {
                        mixedBefore = true;
                    }
                }
            }
            if (verdict == null) {
                verdict = Verdict.WEAK;
            }
            ProbeResult last = runs.get(runs.size() - 1);
            Duration duration = runs.stream().map(ProbeResult::duration).reduce(Duration.ZERO, Duration::plus);
            List<Verdict> runVerdicts = runs.stream().map(ProbeResult::verdict).toList();
            String reason = last.reason();
            boolean replayed = runs.stream().allMatch(run -> run.reason().endsWith(REPLAYED));
            if (mixedBefore) {
                long good = runVerdicts.stream().filter(v -> v == Verdict.GOOD).count();
                reason = (verdict == Verdict.WEAK ? "runs disagree: " : "retested after mixed runs: ") + good
                        + " good, " + (runVerdicts.size() - good) + " bad" + (replayed ? REPLAYED : "");
            }
            return new ProbeRecord(phase, round, candidate.id(), candidate.treeId(), verdict, runs.size(), runVerdicts,
                    duration, last.logRef(), last.failureSignature(), reason, false);
        }

        private ProbeResult runOnce(Candidate candidate, String key, String expectedNow)
                throws ProbeAbortedException, InterruptedException {
            BisectState.Run journaled;
            synchronized (this) {
                journaled = journal.get(key);
            }
            ProbeResult result;
            if (journaled != null) {
                ProbeResult stored = journaled.toResult();
                result = stored.withVerdict(stored.verdict(), stored.reason() + REPLAYED);
            } else {
                result = probe.probe(candidate);
                write(new BisectState.Run(key, result.verdict(), result.duration(), result.logRef(),
                        result.failureSignature(), result.reason()));
            }
            if (expectedNow != null && result.verdict() == Verdict.BAD
                    && !expectedNow.equals(result.failureSignature())) {
                return result.withVerdict(Verdict.SKIP, "failed differently: " + result.failureSignature()
                        + " instead of " + expectedNow);
            }
            return result;
        }

        /**
         * Records one run and rewrites the state file. An interrupt (a cancelled probe of the same
         * round) must not lose a verdict that already arrived, so the write ignores it and the
         * interrupt is restored afterwards.
         */
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

        private BisectResult result(Outcome outcome, String reason, CandidateDetails culprit, List<String> left) {
            List<CandidateDetails> rangeDetails = new ArrayList<>();
            for (String id : left) {
                rangeDetails.add(range.catalog().describe(id));
            }
            List<ProbeRecord> all = new ArrayList<>(records);
            all.addAll(confirmation);
            int testRuns = all.stream().mapToInt(ProbeRecord::runs).sum();
            Duration testTime = all.stream().map(ProbeRecord::duration).reduce(Duration.ZERO, Duration::plus);
            int bisectionProbes = (int) records.stream().filter(r -> r.phase() == Phase.BISECT && !r.cached()).count();
            return new BisectResult(range.goods(), range.bad(), range.size(), outcome, reason, culprit, rangeDetails,
                    records, confirmation, rounds, bisectionProbes, testRuns, probes,
                    Duration.ofNanos(System.nanoTime() - started), testTime, expected,
                    session == null ? List.of() : session.notes());
        }
    }
}
