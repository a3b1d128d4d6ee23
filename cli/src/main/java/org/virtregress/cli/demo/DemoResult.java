package org.virtregress.cli.demo;

import java.nio.file.Path;
import java.time.Duration;
import org.virtregress.bisect.Outcome;

/**
 * What a demo run found.
 *
 * @param ending where the run stopped
 * @param outcome how the bisection over commits ended, or {@code null} when it did not run
 * @param culprit the culprit commit's hash, or {@code null}
 * @param reason a sentence saying why the run ended as it did
 * @param planted the commit the demo planted the regression in
 * @param json the report as JSON
 * @param html the report as a self-contained HTML page
 * @param text the report as plain text
 * @param elapsed the wall time of the run
 */
public record DemoResult(Ending ending, Outcome outcome, String culprit, String reason, UpstreamCommit planted, Path json, Path html,
                         Path text, Duration elapsed) {
    /** Where a demo run stopped. */
    public enum Ending {
        /** The bisection over commits ran to its end (whatever its outcome). */
        BISECTED,
        /** The bisection over builds did not single out a first bad build. */
        BUILDS_UNRESOLVED,
        /** A build could not be installed on the test host. */
        INSTALL_FAILED,
        /** The guest suite errored (no results, a hang, a crash). */
        SUITE_ERROR,
        /** The builds tested on the host did not show the regression the demo planted. */
        NO_REGRESSION
    }

    /** Tells whether the run found and confirmed the planted culprit. */
    public boolean foundPlanted() {
        return outcome == Outcome.COMPLETE && planted.hash().equals(culprit);
    }
}
