package org.virtregress.suite;

/**
 * The outcome of one run of one test case, in the vocabulary shared by avocado, JUnit and TAP.
 */
public enum CaseStatus {
    /** The case passed. */
    PASS,
    /** The case ran and an assertion failed. */
    FAIL,
    /** The case could not run properly: an unexpected error, a crash, a missing result. */
    ERROR,
    /** The case was not run on purpose. */
    SKIP,
    /** The case passed with a warning (avocado); it does not fail the suite. */
    WARN,
    /** The case cancelled itself because a precondition was missing (avocado). */
    CANCEL,
    /** The case was interrupted, usually by its own timeout (avocado). */
    INTERRUPT;

    /** Returns whether this outcome counts against the suite: FAIL, ERROR or INTERRUPT. */
    public boolean failing() {
        return this == FAIL || this == ERROR || this == INTERRUPT;
    }
}
