package org.virtregress.bisect;

/** Hears about every probe of a bisection as its verdict arrives; called from the bisecting thread. */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = (probe, remaining) -> { };

    /**
     * Called once per probe.
     *
     * @param probe the probe and its verdict
     * @param remaining how many candidates are left in the range after it, the bad end included
     */
    void probed(ProbeRecord probe, int remaining);
}
