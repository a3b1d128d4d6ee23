package org.virtregress.cli.demo;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.virtregress.bisect.Phase;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.bisect.ProgressListener;
import org.virtregress.bisect.Verdict;

/**
 * Hears a bisection's probes: prints one line per probe and remembers how many candidates were
 * left after each, for the report. Thread-safe.
 */
final class ProbeLog implements ProgressListener {
    private final DemoProgress progress;
    private final Function<String, String> labels;
    private final int confirm;
    private final Map<String, Integer> left = new HashMap<>();

    /**
     * Creates the log.
     *
     * @param progress where lines go
     * @param labels names a candidate by its id for people (a build's name, a commit's subject)
     * @param confirm how many confirmation runs follow the bisection, announced when it narrows to one
     */
    ProbeLog(DemoProgress progress, Function<String, String> labels, int confirm) {
        this.progress = progress;
        this.labels = labels;
        this.confirm = confirm;
    }

    @Override
    public void probed(ProbeRecord probe, int remaining) {
        synchronized (this) {
            left.put(key(probe), remaining);
        }
        progress.step("  " + probe.phase().name().toLowerCase(Locale.ROOT) + " " + labels.apply(probe.candidate())
                + ": " + probe.verdict() + " in " + DemoProgress.seconds(probe.duration())
                + (probe.verdict() == Verdict.GOOD ? "" : " (" + probe.reason() + ")") + ", " + remaining + " left");
        if (probe.phase() == Phase.BISECT && remaining == 1 && confirm > 0) {
            progress.step("  confirming: the culprit's parent must pass and the culprit fail, " + confirm
                    + " runs each");
        }
    }

    /** Returns how many candidates were left after a probe, or null when it was not heard. */
    synchronized Integer remainingAfter(ProbeRecord probe) {
        return left.get(key(probe));
    }

    /** Names a candidate for people. */
    String label(String id) {
        return labels.apply(id);
    }

    private static String key(ProbeRecord probe) {
        return probe.phase() + "/" + probe.round() + "/" + probe.candidate();
    }
}
