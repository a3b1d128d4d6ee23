package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.process.ProcessRunner;

/**
 * The commit probe that builds the package at the commit, then tests it like an archived build:
 * installs it (exact version, verified) on a free install root and runs the suite, so a commit
 * failing differently is SKIP and a commit that does not build is SKIP too.
 */
public final class PackageCommitProber implements CommitProber {
    /** Builds a package at an upstream commit. */
    @FunctionalInterface
    public interface PackageBuilder {
        /**
         * Builds the package.
         *
         * @param packageName the package
         * @param commit the full commit hash
         * @return the package file
         * @throws IOException if it does not build (the commit is then skipped)
         * @throws InterruptedException if interrupted
         */
        PackageFile build(String packageName, String commit) throws IOException, InterruptedException;
    }

    private final PackageBuilder builder;
    private final InstallSettings install;
    private final SuiteLauncher suite;
    private final Path workDirectory;
    private final ProcessRunner runner;

    /**
     * Creates the prober.
     *
     * @param builder builds the package at a commit
     * @param install how the package is installed
     * @param suite the suite run against it
     * @param workDirectory where the probes' repositories and logs go
     * @param runner runs createrepo_c
     */
    public PackageCommitProber(PackageBuilder builder, InstallSettings install, SuiteLauncher suite,
                               Path workDirectory, ProcessRunner runner) {
        this.builder = builder;
        this.install = install;
        this.suite = suite;
        this.workDirectory = workDirectory;
        this.runner = runner;
    }

    @Override
    public CommitProbe open(String packageName, Path repository, InstallRoots roots) {
        Probe probe = new PackageSetTester(install, suite, roots, workDirectory, runner)
                .probe(c -> List.of(builder.build(packageName, c.id())));
        return new CommitProbe() {
            @Override
            public ProbeResult probe(Candidate candidate) throws ProbeAbortedException, InterruptedException {
                return probe.probe(candidate);
            }

            @Override
            public boolean suiteSignatures() {
                return true;
            }

            @Override
            public void close() {
                // nothing held: every probe works in its own directory
            }
        };
    }
}
