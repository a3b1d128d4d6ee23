package org.virtregress.cli.demo;

import java.nio.file.Path;
import org.virtregress.process.ProcessRunner;

/**
 * What every stage of a demo run shares.
 *
 * @param workdir the work directory
 * @param settings the bisection settings
 * @param progress where progress lines go
 * @param runner runs the external commands
 * @param host the test host that installs a build and boots the guest
 */
record DemoContext(Path workdir, DemoSettings settings, DemoProgress progress, ProcessRunner runner, DemoHost host) {
    /** Returns the directory of the report files. */
    Path reportDirectory() {
        return workdir.resolve("report");
    }

    /**
     * Returns a probe that tests each candidate in its own directory under {@code probes/}.
     *
     * @param packages finds each candidate's package
     * @param name the subdirectory of {@code probes/}
     * @return the probe
     */
    DemoProbe probe(DemoProbe.Packages packages, String name) {
        return new DemoProbe(packages, host, workdir.resolve("probes").resolve(name), runner, reportDirectory());
    }
}
