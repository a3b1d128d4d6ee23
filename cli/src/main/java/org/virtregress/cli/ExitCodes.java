package org.virtregress.cli;

/** The exit codes every subcommand shares. */
public final class ExitCodes {
    /** Success: the poll, install, test or bisection did what was asked. */
    public static final int OK = 0;
    /** Test failures (real ones, not flaky). */
    public static final int TEST_FAILURES = 1;
    /** Usage error: bad options or arguments. */
    public static final int USAGE = 2;
    /** A repository (package or git) could not be read. */
    public static final int REPOSITORY = 3;
    /** An install failed (after rollback). */
    public static final int INSTALL = 4;
    /** A suite errored or timed out. */
    public static final int SUITE_ERROR = 5;
    /** A bisection ended inconclusive, unconfirmed or unreproducible. */
    public static final int INCONCLUSIVE = 6;
    /** The JVM ran out of memory (raise the heap or lower the limits). */
    public static final int OUT_OF_MEMORY = 7;
    /** An internal error of virt-regress or of the JVM (a bug to report), never a test failure. */
    public static final int INTERNAL_ERROR = 8;

    private ExitCodes() {
    }
}
