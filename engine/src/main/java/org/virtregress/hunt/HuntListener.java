package org.virtregress.hunt;

/** Hears a hunt's progress, a line per level step and per probe; called from several threads. */
@FunctionalInterface
public interface HuntListener {
    /** A listener that ignores everything. */
    HuntListener NONE = line -> { };

    /**
     * Called once per step or probe.
     *
     * @param line what happened, one line
     */
    void progress(String line);
}
