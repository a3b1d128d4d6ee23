package org.virtregress.report;

/**
 * The overall verdict of a report, shown first: a status and a one-line headline.
 *
 * @param status the status
 * @param headline one line saying what happened, for example "Regression in qemu introduced by 1a2b3c4"
 */
public record Summary(Status status, String headline) {
    /** The overall status of a regression run. */
    public enum Status {
        /** Every suite passed (flaky cases allowed). */
        PASS,
        /** A suite failed and the bisection named a culprit. */
        REGRESSION,
        /** A suite failed and no culprit is named (yet). */
        FAIL,
        /** The bisection ended without a confirmed single culprit. */
        INCONCLUSIVE,
        /** The run itself broke: install failure or suite error. */
        ERROR
    }

    /**
     * Derives the verdict of a report that carries none, from its bisection, suites and install.
     *
     * @param report the report
     * @return the derived summary
     */
    public static Summary derive(RegressionReport report) {
        CommitBisection bisection = report.commitBisection();
        if (bisection != null) {
            if (bisection.outcome() == CommitBisection.Outcome.COMPLETE && bisection.culprit() != null) {
                Commit culprit = bisection.culprit();
                return new Summary(Status.REGRESSION, "Regression introduced by " + culprit.shortHash()
                        + " " + culprit.subject());
            }
            int left = bisection.candidates().size();
            return new Summary(Status.INCONCLUSIVE, "Bisection " + bisection.outcome().name().toLowerCase()
                    + (left > 1 ? ": " + left + " candidate commits remain" : ""));
        }
        BuildBisectionSection builds = report.buildBisection();
        if (builds != null && builds.firstBad() != null) {
            return new Summary(Status.REGRESSION, "Regression first in build " + builds.packageName() + " "
                    + builds.firstBad().version());
        }
        PackageUpdateSection updates = report.packageUpdates();
        if (updates != null && updates.culprit() != null) {
            return new Summary(Status.REGRESSION, "Regression first with the update of " + updates.culprit());
        }
        if (report.install() != null && !report.install().success()) {
            return new Summary(Status.ERROR, "Install failed" + (report.install().rolledBack() ? " (rolled back)" : ""));
        }
        int failed = 0;
        for (SuiteReport suite : report.suites()) {
            if (suite.status() == SuiteReport.Status.ERROR) {
                return new Summary(Status.ERROR, "Suite " + suite.name() + " did not complete");
            }
            failed += suite.totals().failed() + suite.totals().errors();
        }
        if (failed > 0) {
            return new Summary(Status.FAIL, failed + (failed == 1 ? " test failed" : " tests failed"));
        }
        if (report.suites().isEmpty() && report.install() != null) {
            return new Summary(Status.PASS, "Packages installed and verified with " + report.install().manager());
        }
        return new Summary(Status.PASS, report.suites().isEmpty() ? "No suite ran" : "All tests passed");
    }
}
