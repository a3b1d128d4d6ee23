package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.virtregress.storage.LockFile;
import org.virtregress.storage.LockTimeoutException;

/**
 * An exclusive lock on one install root (or on the running system), so that two installs on the
 * same root wait for each other. It is a {@link LockFile}, held by this process until {@link #close()};
 * the holder writes who it is (pid, host, what it installs, since when) into the lock file so that a
 * waiter that gives up can name it. Works across processes and across threads of one process.
 */
public final class HostLock implements AutoCloseable {
    private final LockFile lock;

    private HostLock(LockFile lock) {
        this.lock = lock;
    }

    /**
     * Returns the lock file of a root: inside the root, or in {@code /run/lock} for the running
     * system (the temporary directory when {@code /run/lock} is not writable).
     *
     * @param root the install root, or {@code null} for the running system
     * @return the lock file
     */
    public static Path lockFileFor(Path root) {
        if (root != null) {
            return root.resolve("var/lib/virt-regress/install.lock");
        }
        Path runLock = Path.of("/run/lock");
        Path directory = Files.isDirectory(runLock) && Files.isWritable(runLock)
                ? runLock : Path.of(System.getProperty("java.io.tmpdir"));
        return directory.resolve("virt-regress-install.lock");
    }

    /**
     * Waits for the lock and takes it.
     *
     * @param file the lock file; created with its directories when missing
     * @param purpose what the holder installs, written into the lock file
     * @param timeout how long to wait
     * @return the lock, to be closed when done
     * @throws InstallException if the lock is not granted in time; the message names the holder
     * @throws IOException if the lock file cannot be written
     * @throws InterruptedException if interrupted while waiting
     */
    public static HostLock acquire(Path file, String purpose, Duration timeout)
            throws InstallException, IOException, InterruptedException {
        try {
            return new HostLock(LockFile.acquire(file, "installing " + purpose, timeout));
        } catch (LockTimeoutException e) {
            throw new InstallException("install lock " + file + " not granted within " + seconds(timeout)
                    + ": it is held by " + e.holder(), e);
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() < 10_000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    /**
     * Reads who holds (or last held) a lock file.
     *
     * @param file the lock file
     * @return the holder's description, or a note that it is unknown
     */
    public static String holder(Path file) {
        return LockFile.holder(file);
    }

    /** Returns the lock file. */
    public Path file() {
        return lock.file();
    }

    /** Clears the holder and releases the lock. */
    @Override
    public void close() throws IOException {
        lock.close();
    }
}
