package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.virtregress.process.ProcessRunner;
import org.virtregress.suite.GuestBootTest;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteRunner;

/**
 * The demo's guest suite: boots a real TCG guest whose initramfs carries an install root, and runs
 * the checks the package installed there ({@value DemoPackager#INSTALL_DIRECTORY}/checks), reading
 * the TAP they print on the serial console. Thread-safe: each run writes into its own directory.
 */
public final class DemoGuest {
    /** The suite's name in reports. */
    public static final String SUITE = "guest-boot";

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final Path kernel;
    private final ProcessRunner runner;

    /**
     * Creates the guest suite.
     *
     * @param kernel the kernel to boot
     * @param runner runs qemu
     */
    public DemoGuest(Path kernel, ProcessRunner runner) {
        this.kernel = kernel;
        this.runner = runner;
    }

    /**
     * Returns the guest suite booting the kernel of {@code scripts/install-test-tools}.
     *
     * @param runner runs qemu
     * @return the guest suite
     */
    public static DemoGuest withDefaultKernel(ProcessRunner runner) {
        return new DemoGuest(GuestBootTest.defaultKernel(), runner);
    }

    /** Returns the kernel the guests boot. */
    public Path kernel() {
        return kernel;
    }

    /**
     * Boots a guest with the checks installed in a root.
     *
     * @param root the install root holding the package
     * @param work where the initramfs and the console log go
     * @return the suite result; a guest that hangs or never prints its results is an ERROR
     * @throws IOException if the root holds no checks or the initramfs cannot be written
     * @throws InterruptedException if interrupted; qemu is killed first
     */
    public SuiteResult run(Path root, Path work) throws IOException, InterruptedException {
        Path checks = root.resolve(DemoPackager.INSTALL_DIRECTORY.substring(1)).resolve("checks");
        List<String> guestPaths;
        try (Stream<Path> files = Files.list(checks)) {
            guestPaths = files.filter(Files::isRegularFile).filter(Files::isExecutable)
                    .map(p -> DemoPackager.INSTALL_DIRECTORY + "/checks/" + p.getFileName()).sorted().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("the install root " + root + " holds no checks in " + checks, e);
        }
        if (guestPaths.isEmpty()) {
            throw new IOException("the install root " + root + " holds no executable checks in " + checks);
        }
        return GuestBootTest.builder(SUITE, work)
                .kernel(kernel)
                .extraTree(root)
                .checks(guestPaths)
                .timeout(TIMEOUT)
                .build()
                .run(new SuiteRunner(runner));
    }
}
