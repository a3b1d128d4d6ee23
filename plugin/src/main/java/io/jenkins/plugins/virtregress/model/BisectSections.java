package io.jenkins.plugins.virtregress.model;

import org.virtregress.bisect.BisectResult;
import org.virtregress.report.Confirmation;

/** Says how sure a bisection's verdict is, for the summary on the build page. */
public final class BisectSections {
    private BisectSections() {
    }

    /**
     * Says how sure the verdict is, for the build page summary.
     *
     * @param result the engine's result
     * @return e.g. "parent 3/3 good, culprit 3/3 bad", or the engine's reason when nothing was confirmed
     */
    public static String confidence(BisectResult result) {
        Confirmation confirmation = Confirmation.from(result);
        return confirmation == null ? result.reason() : confirmation.describe();
    }
}
