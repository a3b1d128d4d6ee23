package org.virtregress.bisect;

/** What one probe of a candidate said about it, in the words of {@code git bisect}. */
public enum Verdict {
    /** The candidate does not have the regression. */
    GOOD,
    /** The candidate has the regression. */
    BAD,
    /** The candidate could not be tested: the build, the install or the infrastructure failed. */
    SKIP,
    /** The runs disagreed: the candidate is neither clearly good nor clearly bad. */
    WEAK
}
