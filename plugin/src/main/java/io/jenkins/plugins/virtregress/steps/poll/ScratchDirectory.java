package io.jenkins.plugins.virtregress.steps.poll;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private temporary directory that is removed with everything in it when closed, whatever the
 * engine left there (state files, their lock files, downloads).
 */
final class ScratchDirectory implements Closeable {
    private final Path path;

    private ScratchDirectory(Path path) {
        this.path = path;
    }

    /**
     * Creates a directory in the system's temporary directory.
     *
     * @param prefix the start of its name
     * @return the directory
     * @throws IOException if it cannot be created
     */
    static ScratchDirectory create(String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(prefix));
    }

    /**
     * Creates a directory inside another one.
     *
     * @param parent where it is created
     * @param prefix the start of its name
     * @return the directory
     * @throws IOException if it cannot be created
     */
    static ScratchDirectory createIn(Path parent, String prefix) throws IOException {
        return new ScratchDirectory(Files.createTempDirectory(parent, prefix));
    }

    /** Returns the directory. */
    Path path() {
        return path;
    }

    /** Removes the directory and everything in it, deepest first, without following links. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(path)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : all) {
            Files.deleteIfExists(p);
        }
    }
}
