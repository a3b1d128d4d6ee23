package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import org.virtregress.suite.SuiteResult;

/** Runs the failing suite against what one install root holds: a guest boot, a shell suite. */
@FunctionalInterface
public interface SuiteLauncher {
    /**
     * Runs the suite once.
     *
     * @param root the install root holding the candidate, or {@code null} for the running system
     * @param work a fresh directory of this probe's own, for logs and results
     * @return the suite's result
     * @throws IOException if the suite cannot be started
     * @throws InterruptedException if interrupted; the suite's processes are killed
     */
    SuiteResult run(Path root, Path work) throws IOException, InterruptedException;
}
