package io.jenkins.plugins.virtregress.steps;

import java.util.Map;
import org.virtregress.bisect.BisectResult;

/**
 * What a bisection on an agent brings back, as JSON: the engine's result and the subject line of
 * every candidate for the report.
 *
 * @param result the engine's result
 * @param subjects subjects by commit hash
 */
public record BisectOutcome(BisectResult result, Map<String, String> subjects) {
}
