package org.virtregress.repo;

import java.io.IOException;

/** Another poll held the state file for longer than the lock timeout; the message names it and its holder. */
public class StateLockedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which state file, who holds it and how long was waited
     */
    public StateLockedException(String message) {
        super(message);
    }
}
