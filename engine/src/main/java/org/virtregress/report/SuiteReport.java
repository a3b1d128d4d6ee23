package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The result of one guest test suite.
 *
 * @param name the suite name
 * @param status whether the suite ran to its end and passed
 * @param totals the case counts
 * @param cases the cases; may be only the interesting ones (failed, flaky) for a large suite
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuiteReport(String name, Status status, Totals totals, List<TestCaseReport> cases) {
    /** Normalizes absent cases and derives absent totals from the cases. */
    public SuiteReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        cases = Lists.copy(cases);
        if (totals == null) {
            totals = Totals.of(cases);
        }
    }

    /**
     * Creates a suite whose totals and status are derived from its cases.
     *
     * @param name the suite name
     * @param cases every case
     * @return the suite, {@link Status#FAILED} when a case failed or errored
     */
    public static SuiteReport of(String name, List<TestCaseReport> cases) {
        Totals totals = Totals.of(cases);
        Status status = totals.failed() + totals.errors() > 0 ? Status.FAILED : Status.PASSED;
        return new SuiteReport(name, status, totals, cases);
    }

    /** How a suite ended. */
    public enum Status {
        /** Ran to its end; no case failed (flaky cases allowed). */
        PASSED,
        /** Ran to its end; at least one case failed. */
        FAILED,
        /** Did not run to its end: crash, timeout or unreadable results. */
        ERROR
    }

    /**
     * The case counts of a suite.
     *
     * @param total every case
     * @param passed passed at the first attempt
     * @param failed failed every attempt
     * @param flaky failed, then passed on a rerun
     * @param skipped skipped
     * @param errors could not run
     */
    public record Totals(int total, int passed, int failed, int flaky, int skipped, int errors) {
        /**
         * Counts the verdicts of cases.
         *
         * @param cases the cases
         * @return their totals
         */
        public static Totals of(List<TestCaseReport> cases) {
            int[] counts = new int[TestCaseReport.Verdict.values().length];
            for (TestCaseReport c : cases) {
                counts[c.verdict().ordinal()]++;
            }
            return new Totals(cases.size(), counts[TestCaseReport.Verdict.PASS.ordinal()],
                    counts[TestCaseReport.Verdict.FAIL.ordinal()], counts[TestCaseReport.Verdict.FLAKY.ordinal()],
                    counts[TestCaseReport.Verdict.SKIP.ordinal()], counts[TestCaseReport.Verdict.ERROR.ordinal()]);
        }
    }
}
