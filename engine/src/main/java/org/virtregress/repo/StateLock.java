package org.virtregress.repo;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.virtregress.storage.Json;

/**
 * Keeps one poll at a time on a state file, across threads and processes: an exclusive lock on
 * {@code STATE.lock} beside the state file {@code STATE}, which names its holder (process id,
 * host, since when) for whoever waits in vain. The lock file is left in place. Threads of one
 * process queue on an in-process permit first, so that no second channel on the lock file is
 * ever closed while the lock is held (closing one would drop the process's lock). Release it
 * with {@link #close()}, from any thread, once.
 */
public final class StateLock implements AutoCloseable {
    private static final Map<Path, Slot> SLOTS = new ConcurrentHashMap<>();
    private static final long RETRY_MILLIS = 50;

    private final Slot slot;
    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(Slot slot, FileChannel channel, FileLock lock) {
        this.slot = slot;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Who holds a lock.
     *
     * @param pid the process id
     * @param host the host name
     * @param since when the lock was taken
     */
    record Holder(long pid, String host, Instant since) {
        @Override
        public String toString() {
            return "pid " + pid + " on " + host + " since " + since;
        }
    }

    /** Returns the lock file of a state file: {@code STATE.lock} beside it. */
    public static Path lockFile(Path stateFile) {
        Path absolute = stateFile.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock of a state file, waiting while another thread or process holds it.
     *
     * @param stateFile the state file
     * @param timeout how long to wait at most
     * @return the lock, to be closed when done
     * @throws StateLockedException if it is still held when the timeout passes, naming the holder
     * @throws IOException if the lock file cannot be created or written, naming it
     */
    public static StateLock acquire(Path stateFile, Duration timeout) throws IOException {
        Path file = lockFile(stateFile);
        Files.createDirectories(file.getParent());
        Path key = file.getParent().toRealPath().resolve(file.getFileName());
        Slot slot = SLOTS.computeIfAbsent(key, k -> new Slot());
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!slot.permit.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                Holder holder = slot.holder;
                throw locked(stateFile, file, holder == null ? "another thread of this process" : holder.toString(),
                        timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the lock of state file " + stateFile);
        }
        try {
            return lock(stateFile, file, slot, deadline, timeout);
        } catch (IOException | RuntimeException e) {
            slot.permit.release();
            throw e;
        }
    }

    private static StateLock lock(Path stateFile, Path file, Slot slot, long deadline, Duration timeout)
            throws IOException {
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
                    Holder holder = new Holder(ProcessHandle.current().pid(), hostName(), Instant.now());
                    channel.truncate(0);
                    channel.write(ByteBuffer.wrap(Json.mapper().writeValueAsBytes(holder)), 0);
                    channel.force(false);
                    slot.holder = holder;
                    return new StateLock(slot, channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    throw locked(stateFile, file, describeHolder(channel), timeout);
                }
                Thread.sleep(Math.min(RETRY_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.close();
            throw new InterruptedIOException("interrupted waiting for the lock of state file " + stateFile);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static String describeHolder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            channel.read(buffer, 0);
            if (buffer.position() == 0) {
                return "a process that has not named itself yet";
            }
            return Json.mapper().readValue(buffer.array(), 0, buffer.position(), Holder.class).toString();
        } catch (JacksonException e) {
            return "a process that names itself unreadably";
        } catch (IOException e) {
            return "an unknown process (" + e.getMessage() + ")";
        }
    }

    private static StateLockedException locked(Path stateFile, Path file, String holder, Duration timeout) {
        return new StateLockedException("state file " + stateFile + " is in use by another poll: held by " + holder
                + " (lock file " + file + "); gave up after waiting " + describe(timeout));
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
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

    /** Releases the lock and empties the lock file; later calls do nothing. */
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
