package org.virtregress.suite;

/** The final verdict on a case once its reruns, if any, are taken into account. */
public enum CaseVerdict {
    /** Passed (or passed with a warning) on its first run. */
    PASSED,
    /** Not run: skipped or cancelled. */
    SKIPPED,
    /** Failed at first, then passed on a rerun: not a regression of the build under test. */
    FLAKY,
    /** Failed on its first run and on every rerun (or could not be rerun): a real failure. */
    FAILURE
}
