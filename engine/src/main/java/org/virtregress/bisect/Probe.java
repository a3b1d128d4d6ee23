package org.virtregress.bisect;

/**
 * Tests one candidate: checks it out (or installs it), builds it, runs the failing test and says
 * good, bad or skip. The bisection is handed its probe from outside and never builds, installs or
 * runs anything itself. With parallel probes, {@link #probe} is called from several threads at once,
 * each call for a different candidate: implementations must then be thread-safe.
 */
@FunctionalInterface
public interface Probe {
    /**
     * Runs the test once on a candidate.
     *
     * @param candidate the commit or build to test
     * @return the verdict of this one run; an untestable candidate is a {@link Verdict#SKIP}, not an exception
     * @throws ProbeAbortedException if the whole bisection must stop (like an exit code of 128 or more
     *     under {@code git bisect run})
     * @throws InterruptedException if the calling thread is interrupted
     */
    ProbeResult probe(Candidate candidate) throws ProbeAbortedException, InterruptedException;
}
