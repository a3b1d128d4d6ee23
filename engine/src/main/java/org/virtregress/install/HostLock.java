package org.virtregress.install;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive lock on one install root (or on the running system), so that two installs on the
 * same root wait for each other. It is a file lock, held by this process until {@link #close()}; the
 * holder writes who it is (pid, host, what it installs, since when) into the lock file so that a
 * waiter that gives up can name it. Works across processes and across threads of one process.
 */
public final class HostLock implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
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
     * @param purpose what the holder does, written into the lock file
     * @param timeout how long to wait
     * @return the lock, to be closed when done
     * @throws InstallException if the lock is not granted in time; the message names the holder
     * @throws IOException if the lock file cannot be written
     * @throws InterruptedException if interrupted while waiting
     */
    public static HostLock acquire(Path file, String purpose, Duration timeout)
            throws InstallException, IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                // another thread of this process holds it
            }
            if (lock != null) {
                HostLock held = new HostLock(file, channel, lock);
                held.writeHolder(purpose);
                return held;
            }
            channel.close();
            if (System.nanoTime() - deadline >= 0) {
                throw new InstallException("install lock " + file + " not granted within " + seconds(timeout)
                        + ": it is held by " + holder(file));
            }
            Thread.sleep(POLL.toMillis());
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
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "an unknown process (the lock file names no holder)" : text;
        } catch (IOException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    private void writeHolder(String purpose) throws IOException {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        String text = "pid " + ProcessHandle.current().pid() + " on " + host + " since " + Instant.now()
                + ", installing " + purpose + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    /** Returns the lock file. */
    public Path file() {
        return file;
    }

    /** Clears the holder and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
