package io.jenkins.plugins.virtregress.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.virtregress.storage.Json;

/**
 * A full result kept as JSON in its own file under a build's directory
 * ({@code <build>/virt-regress/<name>.json}), so that {@code build.xml} keeps only a summary and
 * the full result is read when a page needs it.
 */
public final class ResultFile {
    /** The directory under the build directory that holds the result files. */
    public static final String DIRECTORY = "virt-regress";

    private ResultFile() {
    }

    /**
     * Locates a result file.
     *
     * @param buildDirectory the build's root directory
     * @param name the file name without extension
     * @return the path of the JSON file
     */
    public static Path of(Path buildDirectory, String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            throw new IllegalArgumentException("result file name " + name + " is not a plain file name");
        }
        return buildDirectory.resolve(DIRECTORY).resolve(name + ".json");
    }

    /**
     * Writes a result atomically.
     *
     * @param buildDirectory the build's root directory
     * @param name the file name without extension
     * @param result the result, serializable by the engine's JSON mapper
     * @throws IOException if it cannot be written; a previous file is then unchanged
     */
    public static void write(Path buildDirectory, String name, Object result) throws IOException {
        Path file = of(buildDirectory, name);
        Files.createDirectories(file.getParent());
        Json.writeAtomically(file, result);
    }

    /**
     * Reads a result.
     *
     * @param buildDirectory the build's root directory
     * @param name the file name without extension
     * @param type the type of the result
     * @param <T> the type of the result
     * @return the result
     * @throws IOException if the file is missing or not a valid result, naming the file
     */
    public static <T> T read(Path buildDirectory, String name, Class<T> type) throws IOException {
        Path file = of(buildDirectory, name);
        try {
            return Json.mapper().readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IOException("cannot read result file " + file + ": " + e.getMessage(), e);
        }
    }
}
