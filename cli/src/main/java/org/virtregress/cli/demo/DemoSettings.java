package org.virtregress.cli.demo;

/**
 * How the demo bisects.
 *
 * @param probes how many probes run at once (each boots its own guest)
 * @param confirm how many times the culprit and its parent are rerun to confirm the answer
 */
public record DemoSettings(int probes, int confirm) {
    /** Checks the values. */
    public DemoSettings {
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be at least 1: " + probes);
        }
        if (confirm < 0) {
            throw new IllegalArgumentException("confirm must not be negative: " + confirm);
        }
    }
}
