package org.virtregress.cli.demo;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks before the demo starts that the real tools it drives are on the {@code PATH} and that the
 * guest kernel is there, so that a machine without them gets one clear message instead of a
 * failure half-way.
 */
public final class DemoTools {
    /** Each program the demo runs, with the Debian package that provides it. */
    static final Map<String, String> PROGRAMS = Map.of(
            "git", "git",
            "rpmbuild", "rpm",
            "rpm", "rpm",
            "createrepo_c", "createrepo-c",
            "dnf", "dnf",
            "qemu-system-x86_64", "qemu-system-x86");

    private DemoTools() {
    }

    /**
     * Lists what is missing.
     *
     * @param path the {@code PATH} to search
     * @param kernel the guest kernel
     * @return one line per missing program or file, empty when everything is there
     */
    public static List<String> missing(String path, Path kernel) {
        List<String> missing = new ArrayList<>();
        PROGRAMS.keySet().stream().sorted().forEach(program -> {
            if (!onPath(path, program)) {
                missing.add(program + " (Debian package " + PROGRAMS.get(program) + ")");
            }
        });
        if (!Files.isRegularFile(kernel)) {
            missing.add("the guest kernel " + kernel);
        }
        return missing;
    }

    private static boolean onPath(String path, String program) {
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }
}
