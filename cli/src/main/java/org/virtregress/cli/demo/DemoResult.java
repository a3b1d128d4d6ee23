package org.virtregress.cli.demo;

import java.nio.file.Path;
import java.time.Duration;
import org.virtregress.bisect.Outcome;

/**
 * What a demo run found.
 *
 * @param outcome how the bisection over commits ended, or {@code null} when it did not run
 * @param culprit the culprit commit's hash, or {@code null}
 * @param reason a sentence saying why the run ended as it did
 * @param planted the commit the demo planted the regression in
 * @param json the report as JSON
 * @param html the report as a self-contained HTML page
 * @param text the report as plain text
 * @param elapsed the wall time of the run
 */
public record DemoResult(Outcome outcome, String culprit, String reason, UpstreamCommit planted, Path json, Path html,
                         Path text, Duration elapsed) {
    /** Tells whether the run found and confirmed the planted culprit. */
    public boolean foundPlanted() {
        return outcome == Outcome.COMPLETE && planted.hash().equals(culprit);
    }
}
