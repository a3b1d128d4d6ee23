package org.virtregress.bisect;

/** How a bisection ended. */
public enum Outcome {
    /** A single culprit was found and confirmed: its parent passed and it failed every confirmation run. */
    COMPLETE,
    /** A single culprit was found but the confirmation runs disagreed; the result says how. */
    UNCONFIRMED,
    /** Untestable (skipped or weak) candidates left a range of possible culprits instead of one. */
    INCONCLUSIVE,
    /** The bad end passed: the failure does not reproduce, so there is nothing to bisect. */
    UNREPRODUCIBLE,
    /** A probe asked to stop the whole bisection (exit code 128 or more, a missing program). */
    ABORTED
}
