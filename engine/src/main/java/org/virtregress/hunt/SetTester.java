package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.install.InstallResult;
import org.virtregress.process.ProcessRunner;

/**
 * Tests one package set on one free slot (an install root, here or elsewhere) for the reproduction,
 * the package level and the build level of a hunt, and leaves every slot at one set at the end. The
 * hunt calls {@link #test} from up to {@link HuntRequest#probes} threads at once; the tester keeps
 * one probe per slot. The commit level does not use it (see {@link CommitProber}). The default,
 * {@link #local}, tests on the request's install roots on this machine.
 */
public interface SetTester {
    /**
     * Installs exactly a set on a free slot and runs the suite there: passed is GOOD, failed is BAD
     * with the failed cases' signatures, an install that fails or a suite that errs is SKIP.
     *
     * @param name names the probe (its directory, its log line)
     * @param set the package files to install
     * @return the verdict
     * @throws ProbeAbortedException if the probe cannot run at all (a tool missing): the hunt stops
     * @throws InterruptedException if interrupted
     */
    ProbeResult test(String name, List<PackageFile> set) throws ProbeAbortedException, InterruptedException;

    /**
     * Installs a set, without the suite, on every slot probes may have changed.
     *
     * @param set the package files to install
     * @return one entry per slot, in order
     * @throws InterruptedException if interrupted
     */
    List<Restored> restore(List<PackageFile> set) throws InterruptedException;

    /**
     * One slot left at a set.
     *
     * @param where the slot, as the report names it
     * @param install the install record, or {@code null} when the install could not start
     * @param error why it failed, or {@code null} when the set is installed, verified
     */
    record Restored(String where, InstallResult install, String error) {
        /** Returns whether the slot holds the set. */
        public boolean success() {
            return error == null;
        }
    }

    /** Makes the set tester of one hunt from its request. */
    @FunctionalInterface
    interface Factory {
        /**
         * Opens the tester.
         *
         * @param request the hunt's request: install settings, suite, root template, probes
         * @param probeDirectory where the hunt keeps the probes' repositories and logs
         * @return the tester
         * @throws IOException if it cannot be made
         */
        SetTester open(HuntRequest request, Path probeDirectory) throws IOException;
    }

    /**
     * Returns the tester of this machine: the request's install roots ({@link InstallRoots}), each
     * probe publishing its set in a repository of its own under {@code probeDirectory}.
     *
     * @param install how a set is installed
     * @param suite the suite a probe runs
     * @param roots the install roots
     * @param probeDirectory where the probes' repositories and logs go
     * @param runner runs createrepo_c (apt-ftparchive for apt)
     * @return the tester
     */
    static SetTester local(InstallSettings install, SuiteLauncher suite, InstallRoots roots, Path probeDirectory,
                           ProcessRunner runner) {
        return new PackageSetTester(install, suite, roots, probeDirectory, runner);
    }

    /** Returns the factory of {@link #local} testers: what a hunt uses when its request names none. */
    static Factory local() {
        return (request, probeDirectory) -> local(request.install(), request.suite(),
                InstallRoots.of(request.rootTemplate(), request.probes()), probeDirectory, request.runner());
    }
}
