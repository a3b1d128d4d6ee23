package org.virtregress.bisect;

/** Why a probe ran. */
public enum Phase {
    /** Checking that the bad end fails before bisecting. */
    VERIFY,
    /** Narrowing the range. */
    BISECT,
    /** Rerunning the culprit and its parent to confirm the answer. */
    CONFIRM
}
