package io.jenkins.plugins.virtregress.steps.bisect;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.ProgressListener;

/**
 * Hears a bisection's probes: prints one line for each, saying which verdicts were replayed from
 * the state file rather than tested, and remembers how many candidates were left after each, for
 * the report's narrowing chart and "remaining" column. Thread-safe.
 */
final class ProbeProgress implements ProgressListener {
    /** How the engine marks the reason of a verdict it replayed from its state file. */
    static final String REPLAYED_MARK = "(from the state file)";

    private final Consumer<String> out;
    private final Map<String, Integer> remaining = new ConcurrentHashMap<>();
    private final AtomicInteger replayed = new AtomicInteger();
    private final AtomicInteger probed = new AtomicInteger();

    /**
     * Creates the listener.
     *
     * @param out receives one line per probe
     */
    ProbeProgress(Consumer<String> out) {
        this.out = out;
    }

    @Override
    public void probed(ProbeRecord probe, int left) {
        remaining.put(key(probe), left);
        boolean fromState = isReplayed(probe);
        (fromState ? replayed : probed).incrementAndGet();
        out.accept(line(probe, left));
    }

    /**
     * Describes a probe for the console.
     *
     * @param probe the probe
     * @param left how many candidates were left after it
     * @return e.g. {@code Probe of abc… (bisect): BAD, 7 candidate(s) left}, or
     *     {@code Replayed from the state file: abc… (bisect): BAD, …} for a verdict not tested again
     */
    static String line(ProbeRecord probe, int left) {
        String what = probe.candidate() + " (" + probe.phase().name().toLowerCase(Locale.ROOT) + "): " + probe.verdict()
                + ", " + left + " candidate(s) left";
        if (isReplayed(probe)) {
            return "Replayed from the state file, not run again: " + what;
        }
        return (probe.cached() ? "Verdict of an identical tree reused for " : "Probe of ") + what;
    }

    /**
     * Tells whether the engine replayed a probe's verdict from its state file.
     *
     * @param probe the probe
     * @return true when no test ran for it in this bisection
     */
    static boolean isReplayed(ProbeRecord probe) {
        return probe.reason() != null && probe.reason().endsWith(REPLAYED_MARK);
    }

    /**
     * Returns how many candidates were left after each probe.
     *
     * @return counts by {@link #key}
     */
    Map<String, Integer> remaining() {
        return Map.copyOf(remaining);
    }

    /** Returns how many probes were replayed from the state file. */
    int replayed() {
        return replayed.get();
    }

    /** Returns how many probes ran a test (or reused a verdict of the same tree). */
    int probed() {
        return probed.get();
    }

    /**
     * Names a probe within its bisection.
     *
     * @param probe the probe
     * @return phase, round and candidate
     */
    static String key(ProbeRecord probe) {
        return probe.phase() + "/" + probe.round() + "/" + probe.candidate();
    }
}
