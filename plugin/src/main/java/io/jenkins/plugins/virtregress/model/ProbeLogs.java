package io.jenkins.plugins.virtregress.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The probe logs a report keeps in its build directory, and the links its page gives them. A log
 * is found only by a plain file name in that directory: no path, no link, nothing else of the disk.
 */
public final class ProbeLogs {
    /** The URL of the logs, relative to the report's page. */
    public static final String LINK_PREFIX = "log/";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");

    private ProbeLogs() {
    }

    /**
     * Finds a log.
     *
     * @param directory the report's log directory
     * @param name the file name asked for
     * @return the regular file, or null when the name is not a plain file name or no such log exists
     */
    @CheckForNull
    public static Path find(Path directory, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            return null;
        }
        Path log = directory.resolve(name);
        return Files.isRegularFile(log, LinkOption.NOFOLLOW_LINKS) ? log : null;
    }

    /**
     * Turns a probe's log reference (a path on the node that ran it) into the link of its copy.
     *
     * @param directory the report's log directory, holding the copies
     * @param reference the engine's log reference
     * @return {@code log/NAME} when the copy exists, else null (no dead link)
     */
    @CheckForNull
    public static String link(Path directory, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String name = reference.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return find(directory, name) == null ? null : LINK_PREFIX + name;
    }
}
