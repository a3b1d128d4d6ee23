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
    WEAK;

    /** The exit code {@code git bisect run} reads as "cannot test this commit". */
    public static final int SKIP_EXIT_CODE = 125;

    /** The lowest exit code that stops a bisection: a shell's "killed by a signal" codes start here. */
    public static final int FIRST_ABORT_EXIT_CODE = 128;

    /**
     * Reads a test program's exit code the way {@code git bisect run} does: 0 is {@link #GOOD}, 125 is
     * {@link #SKIP}, 1 to 127 (except 125) are {@link #BAD}; 128 and above, and negative codes, stop the
     * bisection.
     *
     * @param code the exit code
     * @return the verdict the code stands for
     * @throws ProbeAbortedException for a code of 128 or above, or a negative one, naming the code
     */
    public static Verdict ofExitCode(int code) throws ProbeAbortedException {
        if (code == 0) {
            return GOOD;
        }
        if (code == SKIP_EXIT_CODE) {
            return SKIP;
        }
        if (code > 0 && code < FIRST_ABORT_EXIT_CODE) {
            return BAD;
        }
        throw new ProbeAbortedException("exit code " + code + " stops the bisection: 0 is good, 125 is skip, "
                + "1 to 127 are bad, codes of 128 and above (a signal) or below 0 mean the test itself failed");
    }
}
