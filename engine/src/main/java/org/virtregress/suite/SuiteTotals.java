package org.virtregress.suite;

import java.util.List;

/**
 * The counts of a suite, by first-run status and by final verdict.
 *
 * @param total every case
 * @param passed cases whose first run passed
 * @param failed cases whose first run failed (FAIL)
 * @param errors cases whose first run errored (ERROR)
 * @param skipped cases skipped
 * @param warned cases that passed with a warning
 * @param cancelled cases that cancelled themselves
 * @param interrupted cases that were interrupted
 * @param flaky cases that failed, then passed on a rerun
 * @param failures cases whose final verdict is FAILURE
 */
public record SuiteTotals(int total, int passed, int failed, int errors, int skipped, int warned,
                          int cancelled, int interrupted, int flaky, int failures) {
    /**
     * Counts the cases.
     *
     * @param cases the cases
     * @return the totals
     */
    public static SuiteTotals of(List<CaseResult> cases) {
        int[] byStatus = new int[CaseStatus.values().length];
        int flaky = 0;
        int failures = 0;
        for (CaseResult c : cases) {
            byStatus[c.status().ordinal()]++;
            if (c.verdict() == CaseVerdict.FLAKY) {
                flaky++;
            } else if (c.verdict() == CaseVerdict.FAILURE) {
                failures++;
            }
        }
        return new SuiteTotals(cases.size(), byStatus[CaseStatus.PASS.ordinal()], byStatus[CaseStatus.FAIL.ordinal()],
                byStatus[CaseStatus.ERROR.ordinal()], byStatus[CaseStatus.SKIP.ordinal()],
                byStatus[CaseStatus.WARN.ordinal()], byStatus[CaseStatus.CANCEL.ordinal()],
                byStatus[CaseStatus.INTERRUPT.ordinal()], flaky, failures);
    }
}
