package org.virtregress.suite;

/** The outcome of a whole suite. */
public enum SuiteStatus {
    /** Every case passed, was skipped, or is flaky. */
    PASSED,
    /** At least one case is a real failure. */
    FAILED,
    /**
     * The suite itself went wrong: it timed out, crashed, could not start, wrote no results, or
     * wrote results that could not be read completely.
     */
    ERROR
}
