package org.virtregress.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Another thread or process held a lock file for longer than the wait allowed; it names the holder. */
public class LockTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path lockFile;
    private final String holder;
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param lockFile the lock file
     * @param holder who holds the lock, as {@link LockFile#holder(Path)} describes it
     * @param timeout how long was waited
     */
    public LockTimeoutException(Path lockFile, String holder, Duration timeout) {
        super("lock file " + lockFile + " is held by " + holder + "; gave up after waiting "
                + timeout.toMillis() + " ms");
        this.lockFile = lockFile;
        this.holder = holder;
        this.timeout = timeout;
    }

    /** Returns the lock file. */
    public Path lockFile() {
        return lockFile;
    }

    /** Returns who holds the lock, for example {@code "pid 42 on build1 since 2026-01-01T00:00:00Z, polling"}. */
    public String holder() {
        return holder;
    }

    /** Returns how long was waited. */
    public Duration timeout() {
        return timeout;
    }
}
