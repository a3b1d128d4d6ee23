package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.AbortException;
import java.util.Optional;

/** The limits of a hunt's own settings and the checks the step, the action and their forms share. */
public final class HuntBounds {
    /** The most probes at once. */
    public static final int MAX_PROBES = 32;
    /** The most confirmation runs. */
    public static final int MAX_CONFIRM = 20;

    private HuntBounds() {
    }

    /**
     * Checks the probe count.
     *
     * @param probes the value
     * @return the problem, or empty when it is fine
     */
    public static Optional<String> probes(int probes) {
        return probes >= 1 && probes <= MAX_PROBES ? Optional.empty()
                : Optional.of("probes must be between 1 and " + MAX_PROBES + ", not " + probes);
    }

    /**
     * Checks the confirmation count.
     *
     * @param confirm the value
     * @return the problem, or empty when it is fine
     */
    public static Optional<String> confirm(int confirm) {
        return confirm >= 0 && confirm <= MAX_CONFIRM ? Optional.empty()
                : Optional.of("confirm must be between 0 and " + MAX_CONFIRM + ", not " + confirm);
    }

    /**
     * Fails on the first problem.
     *
     * @param problem a check's result
     * @throws AbortException with its message
     */
    static void check(Optional<String> problem) throws AbortException {
        if (problem.isPresent()) {
            throw new AbortException("huntRegression: " + problem.get());
        }
    }
}
