package io.jenkins.plugins.virtregress.steps.bisect;

import java.util.Map;
import org.virtregress.bisect.BisectResult;

/**
 * What a bisection on an agent brings back, as JSON: the engine's result, the subject line of
 * every candidate, how many candidates were left after each probe, where its probe logs are, and
 * whether it resumed an earlier build's bisection.
 *
 * @param result the engine's result
 * @param subjects subjects by commit hash
 * @param remaining candidates left after each probe, by {@link ProbeProgress#key}
 * @param logs the probe log directory, relative to the workspace
 * @param replayed how many probes were replayed from the state file instead of tested
 * @param resumed whether an earlier build's state file was resumed
 */
public record BisectOutcome(BisectResult result, Map<String, String> subjects, Map<String, Integer> remaining,
        String logs, int replayed, boolean resumed) {
    /** Copies the maps. */
    public BisectOutcome {
        subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
        remaining = remaining == null ? Map.of() : Map.copyOf(remaining);
    }
}
