package org.virtregress.repo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A system program that a repository reader hands data to ({@code xz}, {@code openssl}, {@code sha256sum}): found once on the
 * {@code PATH}, started with fixed arguments, an empty environment, its error output discarded and no files.
 */
final class SystemProgram {
    private SystemProgram() {
    }

    /**
     * Finds a program on the {@code PATH}.
     *
     * @param name the program's name
     * @return its absolute path, or null when there is no executable of that name
     */
    static Path find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (candidate.isAbsolute() && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * Starts a program with an empty environment, its error output discarded.
     *
     * @param program the program found by {@link #find}
     * @param arguments its fixed arguments
     * @return the running process; its standard input and output are the caller's
     * @throws IOException if it cannot be started
     */
    static Process start(Path program, String... arguments) throws IOException {
        List<String> argv = new ArrayList<>(List.of(program.toString()));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        return builder.start();
    }
}
