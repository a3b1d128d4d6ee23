package org.virtregress.repo;

import java.nio.file.Path;
import java.time.Duration;

/** Holds the lock of a state file from another process until its standard input closes. */
final class StateLockHolder {
    private StateLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (StateLock lock = StateLock.acquire(Path.of(args[0]), Duration.ofSeconds(30))) {
            System.out.println("locked");
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
