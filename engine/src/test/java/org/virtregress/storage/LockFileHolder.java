package org.virtregress.storage;

import java.nio.file.Path;
import java.time.Duration;

/** Holds a lock file from another process until its standard input closes. */
final class LockFileHolder {
    private LockFileHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (LockFile lock = LockFile.acquire(Path.of(args[0]), "holding for a test", Duration.ofSeconds(30))) {
            System.out.println("locked");
            System.out.flush();
            System.in.readAllBytes();
        }
    }
}
