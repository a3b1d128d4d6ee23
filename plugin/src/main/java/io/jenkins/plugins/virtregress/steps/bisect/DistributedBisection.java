package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.Extension;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.model.ReportAction;
import io.jenkins.plugins.virtregress.model.ResultFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.storage.Json;

/**
 * A bisection whose probes are Pipeline bodies. The engine's {@link Bisector} runs unchanged in a
 * controller thread; its probe is a {@link ProbeExchange} that hands each candidate to the
 * Pipeline (the {@code bisectRegression} loop asks for a round, runs one body per candidate in
 * {@code parallel}, and delivers each verdict back). So the algorithm (k probes per round,
 * repeats, confirmation, the result cache) is the engine's, and Jenkins only distributes the probes.
 *
 * <p>Everything needed to resume lives in the build directory: the settings, the range snapshot,
 * and the engine's state file with every verdict. After a controller restart the next request
 * restarts the engine from that state, which replays the recorded verdicts and asks only for the
 * missing ones; verdicts of bodies that were running during the restart are matched to the new
 * requests by commit. Thread-safe.
 */
final class DistributedBisection {
    private static final Logger LOGGER = Logger.getLogger(DistributedBisection.class.getName());
    private static final Map<String, DistributedBisection> ACTIVE = new ConcurrentHashMap<>();

    private final Run<?, ?> run;
    private final String id;
    private final BisectSettings settings;
    private final RangeSnapshot range;
    private final ProbeExchange exchange;
    private final List<String> progress = new ArrayList<>();
    private volatile Map<String, Object> summary;
    private volatile boolean superseded;

    private DistributedBisection(Run<?, ?> run, String id, BisectSettings settings, RangeSnapshot range) {
        this.run = run;
        this.id = id;
        this.settings = settings;
        this.range = range;
        this.exchange = new ProbeExchange(settings.probes(), Timer::get, ProbeExchange.DEFAULT_DEADLINE);
    }

    /**
     * Picks an id no other bisection or report of the build uses, saves the new bisection's
     * settings and range under it in the build directory and starts it; one step at a time per
     * build, so two bisections started at once get different ids.
     *
     * @param run the build
     * @param settings the settings
     * @param range the range read from the repository
     * @return the running bisection
     * @throws IOException if the files cannot be written
     */
    static DistributedBisection startNew(Run<?, ?> run, BisectSettings settings, RangeSnapshot range)
            throws IOException {
        DistributedBisection bisection;
        synchronized (run) {
            String id = newId(run);
            Path directory = directory(run);
            Files.createDirectories(directory);
            Json.writeAtomically(directory.resolve(id + "-settings.json"), settings);
            Json.writeAtomically(directory.resolve(id + "-range.json"), range);
            bisection = new DistributedBisection(run, id, settings, range);
            ACTIVE.put(key(run, id), bisection);
        }
        bisection.launch();
        return bisection;
    }

    /**
     * Tells whether a bisection of a build is held in memory.
     *
     * @param run the build
     * @param id the bisection's id
     * @return true while it runs, or until its build ends
     */
    static boolean isHeld(Run<?, ?> run, String id) {
        return ACTIVE.containsKey(key(run, id));
    }

    /** Returns the bisection's id within its build. */
    String id() {
        return id;
    }

    /**
     * Finds a running bisection, or resumes it from the build directory after a restart.
     *
     * @param run the build
     * @param id the bisection's id
     * @return the bisection
     * @throws IOException if its files cannot be read
     */
    static DistributedBisection of(Run<?, ?> run, String id) throws IOException {
        DistributedBisection running = ACTIVE.get(key(run, id));
        if (running != null && running.run == run) {
            return running;
        }
        synchronized (ACTIVE) {
            running = ACTIVE.get(key(run, id));
            if (running != null && running.run == run) {
                return running;
            }
            if (running != null) {
                // left by an earlier start of Jenkins in this JVM: its build object and timer are gone
                running.superseded = true; // it must not record an aborted result over the resumed one
                running.exchange.abort("Jenkins restarted");
                ACTIVE.remove(key(run, id), running);
            }
            Path directory = directory(run);
            BisectSettings settings = Json.mapper().readValue(directory.resolve(id + "-settings.json").toFile(),
                    BisectSettings.class);
            RangeSnapshot range = Json.mapper().readValue(directory.resolve(id + "-range.json").toFile(),
                    RangeSnapshot.class);
            DistributedBisection resumed = new DistributedBisection(run, id, settings, range);
            ACTIVE.put(key(run, id), resumed);
            BisectReportAction recorded = run.getActions(BisectReportAction.class).stream()
                    .filter(a -> a.getId().equals(id)).findFirst().orElse(null);
            if (recorded == null) {
                resumed.launch();
            } else {
                resumed.summary = BisectRecorder.summary(recorded);
                resumed.exchange.finish();
            }
            return resumed;
        }
    }

    /**
     * Picks an id no other bisection or report of the build uses.
     *
     * @param run the build
     * @return {@code virt-regress-bisect}, or {@code virt-regress-bisect-2}…
     */
    private static String newId(Run<?, ?> run) {
        String id = ReportAction.nextId(run, "virt-regress-bisect");
        for (int n = 2; ACTIVE.containsKey(key(run, id)); n++) {
            id = ReportAction.nextId(run, "virt-regress-bisect-" + n);
        }
        return id;
    }

    private static Path directory(Run<?, ?> run) {
        return run.getRootDir().toPath().resolve(ResultFile.DIRECTORY);
    }

    private static String key(Run<?, ?> run, String id) {
        return run.getExternalizableId() + "#" + id;
    }

    /** Runs the engine in a pooled thread of its own: a bisection takes hours, too long for the timer pool. */
    private void launch() {
        Computer.threadPoolForRemoting.execute(this::runEngine);
    }

    private void runEngine() {
        Path state = directory(run).resolve(id + "-state.json");
        ProbeProgress progress = new ProbeProgress(this::note);
        try {
            if (Files.exists(state)) {
                note("Resuming bisection " + id + " from its state file: recorded verdicts are replayed, not run again.");
            }
            FlakyBisector flaky = FlakyBisector.builder().probes(settings.probes()).confidence(settings.confidence())
                    .stateFile(state).listener(progress).build();
            BisectResult result = settings.flaky() ? flaky.run(range.toRange(), exchange)
                    : flaky.runAfter(Bisector.builder().probes(settings.probes()).repeat(settings.repeat())
                            .confirm(settings.confirm()).stateFile(state).listener(progress).build(),
                            range.toRange(), exchange, this::note);
            if (superseded) {
                return;
            }
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            BisectReportAction action;
            synchronized (run) {
                action = BisectRecorder.record(run, id, settings, result, range.subjects(), progress.remaining(),
                        reference -> null, progress.replayed(), new StreamTaskListener(report, StandardCharsets.UTF_8));
            }
            note(report.toString(StandardCharsets.UTF_8));
            summary = BisectRecorder.summary(action);
            exchange.finish();
        } catch (IOException | RuntimeException e) {
            fail(e);
        } catch (InterruptedException e) {
            fail(e);
            Thread.currentThread().interrupt();
        } finally {
            // released however it ended; a later step finds the recorded report in the build
            ACTIVE.remove(key(run, id), this);
        }
    }

    /**
     * Stops and releases every bisection of a build that has ended.
     *
     * @param ended the build
     */
    static void release(Run<?, ?> ended) {
        String prefix = ended.getExternalizableId() + "#";
        ACTIVE.entrySet().removeIf(entry -> {
            if (!entry.getKey().startsWith(prefix)) {
                return false;
            }
            entry.getValue().exchange.abort("the build ended");
            return true;
        });
    }

    /** Stops the bisections of builds that end while they wait for probes. */
    @Extension
    public static final class BuildEnd extends RunListener<Run<?, ?>> {
        @Override
        public void onFinalized(Run<?, ?> run) {
            release(run);
        }
    }

    /** Keeps a progress line until a step whose log is open prints it. */
    private void note(String line) {
        synchronized (progress) {
            progress.add(line);
        }
    }

    private void flush(TaskListener log) {
        synchronized (progress) {
            progress.forEach(log.getLogger()::println);
            progress.clear();
        }
    }

    private void fail(Throwable e) {
        LOGGER.log(Level.WARNING, "Bisection " + id + " of " + run + " failed", e);
        exchange.fail(e);
    }

    /**
     * Waits for the next round of probes.
     *
     * @param log the console of the waiting step, which prints the engine's progress
     * @return completes with {@code [done: false, probes: [[key, commit, label], …]]}, or with
     *     {@code [done: true, result: […]]} once the bisection has ended and its report is recorded
     */
    CompletableFuture<Map<String, Object>> nextRound(TaskListener log) {
        flush(log);
        return exchange.nextRound().thenApply(round -> {
            flush(log);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("done", round.done());
            if (round.done()) {
                map.put("result", new LinkedHashMap<>(summary));
                return map;
            }
            List<Map<String, Object>> probes = new ArrayList<>();
            for (ProbeExchange.Request request : round.requests()) {
                Map<String, Object> probe = new LinkedHashMap<>();
                probe.put("key", request.key());
                probe.put("commit", request.candidate().id());
                probe.put("label", "probe " + request.key());
                probes.add(probe);
            }
            map.put("probes", probes);
            return map;
        });
    }

    /**
     * Delivers the verdict of a body.
     *
     * @param key the request the body ran for
     * @param commit the candidate it tested
     * @param result the verdict
     */
    void deliver(String key, String commit, ProbeResult result) {
        exchange.deliver(key, commit, result);
    }

    /**
     * Stops the bisection: the waiting probes fail, so the engine ends with {@code ABORTED}.
     *
     * @param reason why
     */
    void abort(String reason) {
        exchange.abort(reason);
    }
}
