package org.virtregress.hunt;

import java.io.IOException;
import org.virtregress.bisect.Probe;

/** A probe of upstream commits that holds resources (worktrees) until closed. */
public interface CommitProbe extends Probe, AutoCloseable {
    /**
     * Tells whether a bad verdict carries the suite's failure signature, so that a commit failing
     * differently counts as SKIP; a command's exit code is no such signature.
     */
    default boolean suiteSignatures() {
        return false;
    }

    @Override
    void close() throws IOException;
}
