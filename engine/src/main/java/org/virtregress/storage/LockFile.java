package org.virtregress.storage;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An exclusive lock on a lock file, across threads and processes. The holder writes who it is
 * (process id, host, since when, what it does) into the file as JSON so that a waiter that gives
 * up can name it; the file is emptied on release and left in place. Threads of one process queue
 * on an in-process permit first, so that no second channel on the lock file is ever closed while
 * the lock is held (on Linux, closing any channel on the file drops the process's lock). Release
 * it with {@link #close()}, from any thread, once.
 */
public final class LockFile implements AutoCloseable {
    private static final Map<Path, Slot> SLOTS = new ConcurrentHashMap<>();
    private static final long RETRY_MILLIS = 50;

    private final Path file;
    private final Slot slot;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path file, Slot slot, FileChannel channel, FileLock lock) {
        this.file = file;
        this.slot = slot;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Who holds a lock, as written into the lock file.
     *
     * @param pid the process id
     * @param host the host name
     * @param since when the lock was taken
     * @param purpose what the holder does
     */
    record Holder(long pid, String host, Instant since, String purpose) {
        @Override
        public String toString() {
            String who = "pid " + pid + " on " + host + " since " + since;
            return purpose == null || purpose.isEmpty() ? who : who + ", " + purpose;
        }
    }

    /**
     * Takes the lock, waiting while another thread or process holds it.
     *
     * @param file the lock file; created with its directories when missing
     * @param purpose what the holder does (for example {@code "installing dnf qemu"}), written
     *     into the lock file and named to those who wait in vain
     * @param timeout how long to wait at most
     * @return the lock, to be closed when done
     * @throws LockTimeoutException if the lock is still held when the timeout passes, naming the holder
     * @throws IOException if the lock file cannot be created or written, naming it
     * @throws InterruptedException if interrupted while waiting
     */
    public static LockFile acquire(Path file, String purpose, Duration timeout)
            throws IOException, InterruptedException {
        Path absolute = file.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        Path key = absolute.getParent().toRealPath().resolve(absolute.getFileName());
        Slot slot = SLOTS.computeIfAbsent(key, k -> new Slot());
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!slot.permit.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            Holder holder = slot.holder;
            throw new LockTimeoutException(file,
                    holder == null ? "another thread of this process" : holder.toString(), timeout);
        }
        try {
            return lock(file, purpose, slot, deadline, timeout);
        } catch (IOException | InterruptedException | RuntimeException e) {
            slot.permit.release();
            throw e;
        }
    }

    private static LockFile lock(Path file, String purpose, Slot slot, long deadline, Duration timeout)
            throws IOException, InterruptedException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot open lock file " + file + ": " + e.getMessage(), e);
        }
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    Holder holder = new Holder(ProcessHandle.current().pid(), hostName(), Instant.now(), purpose);
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(Json.mapper().writeValueAsBytes(holder)), 0);
                    channel.force(false);
                    slot.holder = holder;
                    return new LockFile(file, slot, channel, lock);
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new LockTimeoutException(file, describe(channel), timeout);
                }
                Thread.sleep(Math.min(RETRY_MILLIS,
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Reads who holds (or last held) a lock file, without taking the lock.
     *
     * @param file the lock file
     * @return the holder's description ({@code "pid 42 on host since 2026-01-01T00:00:00Z, purpose"}),
     *     or a note that it is unknown
     */
    public static String holder(Path file) {
        try {
            return describe(Files.readAllBytes(file));
        } catch (IOException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    private static String describe(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            channel.read(buffer, 0);
            byte[] bytes = new byte[buffer.position()];
            buffer.flip().get(bytes);
            return describe(bytes);
        } catch (IOException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    private static String describe(byte[] bytes) {
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return "a process that has not named itself yet";
        }
        try {
            return Json.mapper().readValue(bytes, Holder.class).toString();
        } catch (JacksonException e) {
            return "a process that names itself unreadably";
        } catch (IOException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    /** Returns the host name, from the kernel when it tells (no name lookup), else from the resolver. */
    private static String hostName() {
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "an unknown host";
        }
    }

    /** Returns the lock file, as given to {@link #acquire}. */
    public Path file() {
        return file;
    }

    /** Empties the lock file and releases the lock; later calls do nothing. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (!channel.isOpen()) {
                return;
            }
            try {
                channel.truncate(0);
                lock.release();
            } finally {
                slot.holder = null;
                channel.close();
                slot.permit.release();
            }
        }
    }

    /** The in-process permit of one lock file and its current holder. */
    private static final class Slot {
        private final Semaphore permit = new Semaphore(1);
        private volatile Holder holder;
    }
}
