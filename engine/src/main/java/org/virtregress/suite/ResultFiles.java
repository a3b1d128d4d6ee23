package org.virtregress.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the results files named by a path or a glob. */
final class ResultFiles {
    private static final int MAX_DEPTH = 32;

    private ResultFiles() {
    }

    /**
     * Lists regular files matching a path or glob, sorted by path.
     *
     * @param pattern the path or glob, absolute or relative to {@code base}
     * @param base the directory relative patterns start from
     * @return the matching files
     * @throws IOException if a directory cannot be listed
     */
    static List<Path> find(String pattern, Path base) throws IOException {
        Path start = base.toAbsolutePath().normalize();
        String[] segments = pattern.split("/", -1);
        int firstGlob = -1;
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
                firstGlob = i;
                break;
            }
        }
        if (firstGlob < 0) {
            Path file = start.resolve(pattern).normalize();
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        String prefix = String.join("/", java.util.Arrays.copyOfRange(segments, 0, firstGlob));
        Path root = pattern.startsWith("/") ? Path.of(prefix.isEmpty() ? "/" : prefix) : start.resolve(prefix).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Path absolute = pattern.startsWith("/") ? Path.of(pattern) : start.resolve(pattern);
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute.normalize());
        int depth = pattern.contains("**") ? MAX_DEPTH : segments.length - firstGlob;
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.find(root, depth,
                (path, attributes) -> attributes.isRegularFile() && matcher.matches(path))) {
            walk.sorted().forEach(found::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }

    /**
     * Tells whether a file was written at or after an instant (with a one second allowance for
     * file systems with coarse timestamps).
     */
    static boolean writtenSince(Path file, FileTime since) throws IOException {
        FileTime modified = Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
        return modified.toMillis() >= since.toMillis() - 1000;
    }
}
