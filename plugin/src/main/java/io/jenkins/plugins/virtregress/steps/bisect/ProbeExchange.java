package io.jenkins.plugins.virtregress.steps.bisect;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;

/**
 * The meeting point of the engine's bisector and the Pipeline that runs the probes. The engine
 * calls {@link #probe} from its probe threads and waits; the Pipeline asks for the next round of
 * requests with {@link #nextRound}, runs one body per request, and answers each with
 * {@link #deliver}. A round is handed out when as many requests as probes run at once are
 * waiting, or when no new request came for a short while. A verdict for which no request waits
 * (a body that was running while the controller restarted) is kept and answers the next request
 * for the same commit. Uses no Jenkins types. Thread-safe.
 */
final class ProbeExchange implements Probe {
    /** How long a round waits for more requests after the last one arrived. */
    static final long SETTLE_MILLIS = 300;
    /** How long a probe waits for its verdict before the bisection stops. */
    static final Duration DEFAULT_DEADLINE = Duration.ofHours(24);

    private final int probes;
    private final Supplier<ScheduledExecutorService> scheduler;
    private final Duration deadline;
    private final Map<String, Request> pending = new LinkedHashMap<>();
    private final Map<String, Deque<ProbeResult>> early = new HashMap<>();
    private final List<CompletableFuture<Round>> waiters = new ArrayList<>();
    private Round finished;
    private Throwable failure;
    private String abortReason;
    private int sequence;
    private long lastRequest;
    private boolean checkScheduled;

    /**
     * Creates an exchange.
     *
     * @param probes how many probes run at once
     * @param scheduler runs the delayed checks for settled rounds
     */
    ProbeExchange(int probes, ScheduledExecutorService scheduler) {
        this(probes, () -> scheduler, DEFAULT_DEADLINE);
    }

    /**
     * Creates an exchange.
     *
     * @param probes how many probes run at once
     * @param scheduler gives the executor of the delayed checks when one is needed (so a timer
     *     replaced by a restart of Jenkins is never used)
     * @param deadline how long a probe waits for its verdict; then the bisection stops
     */
    ProbeExchange(int probes, Supplier<ScheduledExecutorService> scheduler, Duration deadline) {
        this.probes = probes;
        this.scheduler = scheduler;
        this.deadline = deadline;
    }

    /**
     * A round handed to the Pipeline: the probes to run, or the end of the bisection.
     *
     * @param done whether the bisection has ended
     * @param requests the probes to run now
     */
    record Round(boolean done, List<Request> requests) {
    }

    /** One candidate the engine asked to probe. */
    static final class Request {
        private final String key;
        private final Candidate candidate;
        private final CompletableFuture<ProbeResult> verdict = new CompletableFuture<>();
        private boolean handedOut;

        Request(String key, Candidate candidate) {
            this.key = key;
            this.candidate = candidate;
        }

        /** Returns the request's key, unique within the exchange. */
        String key() {
            return key;
        }

        /** Returns the candidate to probe. */
        Candidate candidate() {
            return candidate;
        }
    }

    @Override
    public ProbeResult probe(Candidate candidate) throws ProbeAbortedException, InterruptedException {
        Request request;
        synchronized (this) {
            if (abortReason != null) {
                throw new ProbeAbortedException(abortReason);
            }
            Deque<ProbeResult> delivered = early.get(candidate.id());
            if (delivered != null && !delivered.isEmpty()) {
                return delivered.poll();
            }
            request = new Request(candidate.shortId() + "-" + ++sequence, candidate);
            pending.put(request.key, request);
            lastRequest = System.nanoTime();
        }
        check();
        try {
            return request.verdict.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProbeAbortedException("no verdict for " + candidate.id() + " within " + deadline.toMinutes()
                    + " minutes: stopping the bisection", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProbeAbortedException aborted) {
                throw aborted;
            }
            throw new ProbeAbortedException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            synchronized (this) {
                pending.remove(request.key);
            }
        }
    }

    /**
     * Waits for the next round.
     *
     * @return completes with the requests to run, or with a finished round once {@link #finish} was called
     */
    CompletableFuture<Round> nextRound() {
        CompletableFuture<Round> round = new CompletableFuture<>();
        synchronized (this) {
            waiters.add(round);
        }
        check();
        return round;
    }

    /**
     * Answers a request.
     *
     * @param key the request the body ran for
     * @param commit the candidate it tested, which matches a request of another key after a restart
     * @param result the verdict
     */
    synchronized void deliver(String key, String commit, ProbeResult result) {
        Request request = pending.get(key);
        if (request == null || request.verdict.isDone()) {
            request = pending.values().stream().filter(r -> r.candidate.id().equals(commit) && !r.verdict.isDone())
                    .findFirst().orElse(null);
        }
        if (request == null) {
            early.computeIfAbsent(commit, c -> new ArrayDeque<>()).add(result);
        } else {
            request.handedOut = true;
            request.verdict.complete(result);
        }
    }

    /**
     * Stops the bisection: waiting and later requests fail, so the engine ends with {@code ABORTED}.
     *
     * @param reason why
     */
    synchronized void abort(String reason) {
        if (abortReason == null) {
            abortReason = reason;
        }
        pending.values().forEach(r -> r.verdict.completeExceptionally(new ProbeAbortedException(reason)));
    }

    /** Marks the bisection as ended: every waiting and later round is a finished one. */
    synchronized void finish() {
        Round end = new Round(true, List.of());
        finished = end;
        waiters.forEach(w -> w.complete(end));
        waiters.clear();
    }

    /**
     * Marks the bisection as failed: every waiting and later round fails.
     *
     * @param e why
     */
    synchronized void fail(Throwable e) {
        failure = e;
        waiters.forEach(w -> w.completeExceptionally(e));
        waiters.clear();
    }

    private void check() {
        synchronized (this) {
            if (waiters.isEmpty()) {
                return;
            }
            if (finished != null) {
                finish();
                return;
            }
            if (failure != null) {
                fail(failure);
                return;
            }
            List<Request> fresh = pending.values().stream().filter(r -> !r.handedOut).toList();
            boolean settled = System.nanoTime() - lastRequest >= TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
            if (!fresh.isEmpty() && (fresh.size() >= probes || settled)) {
                fresh.forEach(r -> r.handedOut = true);
                Round round = new Round(false, fresh);
                waiters.forEach(w -> w.complete(round));
                waiters.clear();
                return;
            }
            if (checkScheduled) {
                return;
            }
            checkScheduled = true;
        }
        scheduler.get().schedule(() -> {
            synchronized (this) {
                checkScheduled = false;
            }
            check();
        }, 100, TimeUnit.MILLISECONDS);
    }
}
