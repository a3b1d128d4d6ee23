package org.virtregress.cli.demo;

import java.util.function.Function;
import org.virtregress.bisect.BisectResult;
import org.virtregress.repo.Build;
import org.virtregress.report.BuildBisection;
import org.virtregress.report.CommitBisection;

/**
 * Turns the demo's bisection results into the parts of the regression report, naming each probe's
 * candidate and the candidates left after it as the demo's {@link ProbeLog} heard them.
 */
final class DemoReport {
    private DemoReport() {
    }

    static BuildBisection builds(String packageName, BisectResult result, Build lastGood, Build firstBad,
                                 ProbeLog log) {
        return BuildBisection.from(packageName, result, lastGood, firstBad, log::label, log::remainingAfter);
    }

    static CommitBisection commits(String repository, BisectResult result, ProbeLog log,
                                   Function<String, String> subjects) {
        return CommitBisection.from(repository, result, subjects, log::remainingAfter);
    }
}
