package org.virtregress.repo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.virtregress.storage.LockFile;
import org.virtregress.storage.LockTimeoutException;

/**
 * Keeps one poll at a time on a state file, across threads and processes: a {@link LockFile}
 * {@code STATE.lock} beside the state file {@code STATE}, which names its holder (process id,
 * host, since when) for whoever waits in vain. The lock file is left in place. Release it with
 * {@link #close()}, from any thread, once.
 */
public final class StateLock implements AutoCloseable {
    private final LockFile lock;

    private StateLock(LockFile lock) {
        this.lock = lock;
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
        try {
            return new StateLock(LockFile.acquire(file, "polling", timeout));
        } catch (LockTimeoutException e) {
            throw new StateLockedException("state file " + stateFile + " is in use by another poll: held by "
                    + e.holder() + " (lock file " + file + "); gave up after waiting " + describe(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the lock of state file " + stateFile);
        }
    }

    private static String describe(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    /** Releases the lock and empties the lock file; later calls do nothing. */
    @Override
    public void close() throws IOException {
        lock.close();
    }
}
