package org.virtregress.repo;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.virtregress.storage.Json;

/**
 * What the poller remembers between polls, kept in a JSON file written atomically.
 *
 * @param repositories the state of each repository, keyed by its spec
 */
public record PollState(Map<String, RepositoryState> repositories) {
    /**
     * The state of one repository.
     *
     * @param index the index last read, for the next conditional request
     * @param patterns the package patterns watched when it was read; other patterns force a full read
     * @param newest the newest build seen of each package ({@code name.arch}), kept after removal
     * @param current the build of each package present at the last read
     * @param polledAt when it was last read
     * @param selection the architectures and components read; another selection forces a full
     *     read; null in a state written before selections existed
     */
    public record RepositoryState(IndexMark index, List<String> patterns,
            Map<String, Build> newest, Map<String, Build> current, Instant polledAt, IndexSelection selection) {
        /** Copies the collections into sorted, immutable ones. */
        public RepositoryState {
            patterns = patterns == null ? List.of() : List.copyOf(patterns);
            newest = newest == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(newest));
            current = current == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(current));
        }

        /**
         * Creates the state of a repository read with the default selection.
         *
         * @param index the index last read
         * @param patterns the package patterns watched when it was read
         * @param newest the newest build seen of each package
         * @param current the build of each package present at the last read
         * @param polledAt when it was last read
         */
        public RepositoryState(IndexMark index, List<String> patterns, Map<String, Build> newest,
                Map<String, Build> current, Instant polledAt) {
            this(index, patterns, newest, current, polledAt, IndexSelection.DEFAULT);
        }
    }

    /** Copies the map into a sorted, immutable one. */
    public PollState {
        repositories = repositories == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new TreeMap<>(repositories));
    }

    /**
     * Reads the state file; a missing file is an empty state.
     *
     * @param file the state file
     * @return the state
     * @throws IOException if the file exists but cannot be read, is a directory or is not a poll
     *     state; the message names the file
     */
    public static PollState load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("state file " + file + " is a directory; give the path of a file (a missing file"
                    + " is created by the first poll)");
        }
        try {
            byte[] content = Files.readAllBytes(file);
            PollState state = Json.mapper().readValue(content, PollState.class);
            return state == null ? new PollState(Map.of()) : state;
        } catch (NoSuchFileException e) {
            return new PollState(Map.of());
        } catch (JacksonException e) {
            throw new IOException("state file " + file + " is not a valid poll state: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Checks that a poll may replace the state file: a read-only file is refused rather than
     * silently replaced, since read-only says that the file is not to change.
     *
     * @param file the state file, possibly missing
     * @throws IOException if it is a directory or has no write permission for its owner, naming it
     */
    public static void checkWritable(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("state file " + file + " is a directory; give the path of a file (a missing file"
                    + " is created by the first poll)");
        }
        if (!Files.exists(file)) {
            return;
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        boolean writable = view == null ? Files.isWritable(file)
                : view.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
        if (!writable) {
            throw new IOException("state file " + file + " is read-only"
                    + (view == null ? "" : " (mode " + PosixFilePermissions.toString(view.readAttributes().permissions())
                    + ")") + "; a poll replaces it, so make it writable or give another state file");
        }
    }

    /**
     * Writes the state atomically: a crash mid-write leaves the previous file.
     *
     * @param file the state file
     * @throws IOException if it cannot be written
     */
    public void save(Path file) throws IOException {
        Json.writeAtomically(file, this);
    }
}
