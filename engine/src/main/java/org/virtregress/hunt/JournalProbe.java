package org.virtregress.hunt;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;

/**
 * Puts every verdict of one level's probe into the hunt's state and serves recorded verdicts
 * instead of probing again: the n-th probe of a candidate at a level is run once, ever. The
 * {@link #replayed} and {@link #ran} counts say how much of a level came from the state file.
 * Thread-safe when the probe it wraps is.
 */
final class JournalProbe implements Probe {
    private final HuntState state;
    private final String level;
    private final Probe probe;
    private final Map<String, Integer> occurrences = new HashMap<>();
    private int replayed;
    private int ran;

    JournalProbe(HuntState state, String level, Probe probe) {
        this.state = state;
        this.level = level;
        this.probe = probe;
    }

    @Override
    public ProbeResult probe(Candidate candidate) throws ProbeAbortedException, InterruptedException {
        String key;
        synchronized (occurrences) {
            int n = occurrences.merge(candidate.id(), 1, Integer::sum);
            key = level + "/" + candidate.id() + "/" + n;
        }
        ProbeResult recorded = state.recorded(key);
        if (recorded != null) {
            synchronized (occurrences) {
                replayed++;
            }
            return recorded;
        }
        ProbeResult result = probe.probe(candidate);
        try {
            state.record(key, result);
        } catch (IOException e) {
            throw new ProbeAbortedException("cannot write the hunt's state file: " + e.getMessage(), e);
        }
        synchronized (occurrences) {
            ran++;
        }
        return result;
    }

    /** Returns how many verdicts came from the state file. */
    int replayed() {
        synchronized (occurrences) {
            return replayed;
        }
    }

    /** Returns how many probes ran. */
    int ran() {
        synchronized (occurrences) {
            return ran;
        }
    }
}
