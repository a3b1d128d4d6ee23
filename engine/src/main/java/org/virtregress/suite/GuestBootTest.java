package org.virtregress.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A guest boot test: boots a kernel with a busybox initramfs under qemu with TCG (no KVM needed),
 * where {@code /init} runs guest-side checks and prints TAP on the serial console between two
 * marker lines, then powers the guest off. Each check is an executable whose exit status decides:
 * 0 passes, 77 skips (its first output line is the reason), anything else fails; its output is
 * printed as TAP diagnostics. A hard timeout kills qemu, so a hung guest is a suite ERROR.
 *
 * <p>The initramfs holds busybox, the caller's check directory under {@code /checks}, and any
 * number of extra host trees (such as an install root with tests installed from a package) at
 * its root; a merged-/usr layout ({@code bin -> usr/bin}) of an extra tree is kept, and busybox,
 * {@code /checks} and {@code /init} are added after the trees so that they win over same-named
 * files. The checks run are those named (guest paths, or names under {@code /checks}) or,
 * when none is named, every file in {@code /checks} in name order.
 *
 * <p>When the kernel has a PVH entry point (distribution kernels do), qemu boots its uncompressed
 * image directly, extracted once and cached beside the kernel: under TCG this saves the seconds
 * the kernel would spend decompressing itself.
 *
 * <p>Each case's id is the check's file name; a failed case is rerun by booting again with the
 * kernel argument {@code virt_regress.only=NAME}. Immutable and thread-safe; the files it writes
 * go to its work directory.
 */
public final class GuestBootTest {
    /** The line printed before the TAP output. */
    public static final String BEGIN_MARKER = "virt-regress: guest checks begin";
    /** The line printed after the TAP output. */
    public static final String END_MARKER = "virt-regress: guest checks end";
    /**
     * Kernel arguments: serial console, quiet, immediate reboot (so qemu exits) on panic, and the
     * work a throwaway test guest can skip under TCG (mitigations, timer checks, crypto self-tests,
     * read-only data protection and its W+X scan, audit, address randomization).
     */
    public static final String KERNEL_ARGUMENTS = "console=ttyS0 panic=-1 quiet loglevel=3 mitigations=off"
            + " tsc=reliable no_timer_check cryptomgr.notests rodata=off audit=0 nokaslr";

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._/+-]+");
    private static final long INITRAMFS_CAP = 192L << 20;

    private final String name;
    private final Path kernel;
    private final Path busybox;
    private final String qemu;
    private final int memoryMb;
    private final Duration timeout;
    private final Path checksDirectory;
    private final List<Path> extraTrees;
    private final List<String> checks;
    private final Path workDirectory;
    private final int reruns;
    private final boolean pvh;

    private GuestBootTest(Builder builder) {
        this.name = builder.name;
        this.kernel = builder.kernel;
        this.busybox = builder.busybox;
        this.qemu = builder.qemu;
        this.memoryMb = builder.memoryMb;
        this.timeout = builder.timeout;
        this.checksDirectory = builder.checksDirectory;
        this.extraTrees = List.copyOf(builder.extraTrees);
        this.checks = List.copyOf(builder.checks);
        this.workDirectory = builder.workDirectory;
        this.reruns = builder.reruns;
        this.pvh = builder.pvh;
    }

    /**
     * Starts a guest boot test.
     *
     * @param name the suite name
     * @param workDirectory where the initramfs and the console logs are written
     * @return a builder
     */
    public static Builder builder(String name, Path workDirectory) {
        return new Builder(name, workDirectory);
    }

    /**
     * Returns the kernel extracted by {@code scripts/install-test-tools}:
     * {@code ${VIRT_REGRESS_CACHE:-$HOME/.cache/virt-regress}/kernel/vmlinuz}.
     */
    public static Path defaultKernel() {
        String cache = System.getenv("VIRT_REGRESS_CACHE");
        Path base = cache != null && !cache.isEmpty() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "virt-regress");
        return base.resolve("kernel").resolve("vmlinuz");
    }

    /**
     * Writes the initramfs and returns the suite that boots it.
     *
     * @return the suite: qemu, TAP between the markers on its console, the hard timeout, and a
     *     rerun template booting again with only the failed check
     * @throws IOException if the initramfs cannot be written or an input is missing
     */
    public SuiteDefinition suite() throws IOException {
        if (!Files.isRegularFile(kernel)) {
            throw new IOException("kernel " + kernel + " not found (scripts/install-test-tools extracts one)");
        }
        Files.createDirectories(workDirectory);
        Path initrd = workDirectory.resolve(SuiteRunner.safe(name) + "-initramfs.cpio");
        writeInitramfs(initrd);
        Path image = bootImage();
        List<String> argv = qemuArgv(image, initrd, KERNEL_ARGUMENTS);
        List<String> rerun = qemuArgv(image, initrd, KERNEL_ARGUMENTS + " virt_regress.only=" + RerunTemplate.CASE);
        SuiteDefinition.Builder suite = SuiteDefinition.builder(name, argv)
                .workingDirectory(workDirectory)
                .timeout(timeout)
                .results(ResultsSource.stdoutBetween(BEGIN_MARKER, END_MARKER), ResultFormat.TAP)
                .logDirectory(workDirectory.resolve("logs"));
        if (reruns > 0) {
            suite.rerunFailed(new RerunTemplate(rerun), reruns);
        }
        return suite.build();
    }

    /**
     * Boots the guest and reads its checks' results.
     *
     * @param runner the suite runner
     * @return the result; a guest that hangs, panics or never prints its TAP is an ERROR
     * @throws IOException if the initramfs cannot be written or an input is missing
     * @throws InterruptedException if the thread is interrupted; qemu is killed first
     */
    public SuiteResult run(SuiteRunner runner) throws IOException, InterruptedException {
        return runner.run(suite());
    }

    /**
     * Writes the initramfs: busybox, {@code /init}, the checks and the extra trees.
     *
     * @param target the file to write
     * @throws IOException if it cannot be written, an input is missing, or it would exceed 192 MiB
     */
    public void writeInitramfs(Path target) throws IOException {
        if (!Files.isRegularFile(busybox)) {
            throw new IOException("busybox " + busybox + " not found (the static build: Debian busybox-static)");
        }
        List<String> guestChecks = guestChecks();
        String init = template().replace("@CHECKS@", String.join(" ", guestChecks))
                .replace("@BEGIN@", BEGIN_MARKER).replace("@END@", END_MARKER);
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(partial);
             Initramfs cpio = new Initramfs(out, INITRAMFS_CAP)) {
            for (Path tree : extraTrees) {
                cpio.tree(tree, "");
            }
            for (String dir : List.of("bin", "sbin", "usr/bin", "usr/sbin", "proc", "sys", "dev", "tmp", "root",
                    "checks")) {
                cpio.directory(dir);
            }
            cpio.copy(busybox, "bin/busybox");
            if (checksDirectory != null) {
                cpio.tree(checksDirectory, "checks");
            }
            cpio.file("init", init.getBytes(StandardCharsets.UTF_8), 0755);
        }
        Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private List<String> guestChecks() throws IOException {
        List<String> names = new ArrayList<>();
        if (checks.isEmpty()) {
            if (checksDirectory == null) {
                throw new IOException("guest boot test " + name + " has no checks: name them or give a directory");
            }
            try (Stream<Path> list = Files.list(checksDirectory)) {
                list.filter(Files::isRegularFile).map(p -> "/checks/" + p.getFileName()).sorted().forEach(names::add);
            }
        } else {
            for (String check : checks) {
                names.add(check.startsWith("/") ? check : "/checks/" + check);
            }
        }
        if (names.isEmpty()) {
            throw new IOException("guest boot test " + name + ": no checks in " + checksDirectory);
        }
        for (String check : names) {
            if (!SAFE_PATH.matcher(check).matches()) {
                throw new IllegalArgumentException("check path '" + check
                        + "' may only hold letters, digits and . _ / + -");
            }
        }
        return names;
    }

    /**
     * Returns the image qemu boots: the uncompressed kernel through its PVH entry when it has one
     * (cached beside the kernel, or in the work directory when that is read-only), else the
     * kernel as given.
     */
    Path bootImage() throws IOException {
        if (!pvh) {
            return kernel;
        }
        Path cache = kernel.toAbsolutePath().getParent();
        if (cache == null || !Files.isWritable(cache)) {
            cache = workDirectory;
        }
        Path vmlinux = PvhKernel.extract(kernel, cache);
        return vmlinux != null ? vmlinux : kernel;
    }

    private List<String> qemuArgv(Path image, Path initrd, String append) {
        return List.of(qemu, "-machine", "q35,accel=tcg", "-cpu", "max", "-smp", "1", "-m", Integer.toString(memoryMb),
                "-nodefaults", "-nographic", "-no-reboot", "-serial", "stdio",
                "-kernel", image.toAbsolutePath().toString(), "-initrd", initrd.toAbsolutePath().toString(),
                "-append", append);
    }

    private static String template() throws IOException {
        try (InputStream in = GuestBootTest.class.getResourceAsStream("guest-init.sh")) {
            if (in == null) {
                throw new IOException("guest-init.sh is missing from the engine jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Collects the settings of a {@link GuestBootTest}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final Path workDirectory;
        private Path kernel = defaultKernel();
        private Path busybox = Path.of("/bin/busybox");
        private String qemu = "qemu-system-x86_64";
        private int memoryMb = 256;
        private Duration timeout = Duration.ofMinutes(2);
        private Path checksDirectory;
        private final List<Path> extraTrees = new ArrayList<>();
        private final List<String> checks = new ArrayList<>();
        private int reruns;
        private boolean pvh = true;

        private Builder(String name, Path workDirectory) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("guest boot test name is empty");
            }
            this.name = name;
            this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        }

        /** Sets the kernel image (default: {@link #defaultKernel()}). */
        public Builder kernel(Path image) {
            this.kernel = Objects.requireNonNull(image);
            return this;
        }

        /** Sets the static busybox binary (default {@code /bin/busybox}). */
        public Builder busybox(Path binary) {
            this.busybox = Objects.requireNonNull(binary);
            return this;
        }

        /** Sets the qemu program (default {@code qemu-system-x86_64}). */
        public Builder qemu(String program) {
            this.qemu = Objects.requireNonNull(program);
            return this;
        }

        /** Sets the guest memory in MiB (default 256). */
        public Builder memoryMb(int mib) {
            if (mib < 64) {
                throw new IllegalArgumentException("guest memory below 64 MiB: " + mib);
            }
            this.memoryMb = mib;
            return this;
        }

        /** Sets the hard timeout after which qemu is killed (default 2 minutes). */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value);
            return this;
        }

        /** Copies a host directory of executable checks to {@code /checks} in the guest. */
        public Builder checksDirectory(Path directory) {
            this.checksDirectory = directory;
            return this;
        }

        /** Adds a host directory tree at the root of the guest (an install root, for instance). */
        public Builder extraTree(Path root) {
            this.extraTrees.add(Objects.requireNonNull(root));
            return this;
        }

        /** Names the checks to run: guest paths, or file names under {@code /checks}. */
        public Builder checks(List<String> guestPaths) {
            this.checks.addAll(guestPaths);
            return this;
        }

        /** Reruns a failed check up to this many times, each in a fresh boot (default 0). */
        public Builder rerunFailed(int times) {
            this.reruns = times;
            return this;
        }

        /**
         * Boots the uncompressed kernel through its PVH entry when it has one (default), which
         * skips the kernel's slow self-decompression under TCG; {@code false} boots the bzImage.
         */
        public Builder pvhBoot(boolean enabled) {
            this.pvh = enabled;
            return this;
        }

        /** Returns the guest boot test. */
        public GuestBootTest build() {
            return new GuestBootTest(this);
        }
    }
}
