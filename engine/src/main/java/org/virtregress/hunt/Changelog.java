package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/** Reads the changelog entries of an archived rpm with {@code rpm -qp --changelog}; {@link DebianChangelog} reads a .deb's. */
final class Changelog {
    private static final int MAX_ENTRIES = 50;

    private Changelog() {
    }

    /**
     * Returns the entries of the newer package that the older one lacks, newest first.
     *
     * @param newer the first bad build's file
     * @param older the last good build's file
     * @param runner runs rpm
     * @return the entries, each its header line and text; empty when rpm cannot read them
     * @throws InterruptedException if interrupted
     */
    static List<String> between(Path newer, Path older, ProcessRunner runner) throws InterruptedException {
        List<String> added = entries(newer, runner);
        List<String> known = entries(older, runner);
        List<String> result = new ArrayList<>();
        for (String entry : added) {
            if (known.contains(entry) || result.size() >= MAX_ENTRIES) {
                break;
            }
            result.add(entry);
        }
        return result;
    }

    private static List<String> entries(Path rpm, ProcessRunner runner) throws InterruptedException {
        CommandResult result;
        try {
            result = runner.run(Command.of("rpm", "-qp", "--nosignature", "--nodigest", "--changelog",
                    rpm.toString()).timeout(Duration.ofSeconds(30)).build(), OutputListener.NONE);
        } catch (IOException e) {
            return List.of();
        }
        if (!result.succeeded()) {
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        StringBuilder current = null;
        for (String line : result.output().split("\n", -1)) {
            if (line.startsWith("* ")) {
                if (current != null) {
                    entries.add(current.toString().strip());
                }
                current = new StringBuilder(line);
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            entries.add(current.toString().strip());
        }
        return entries;
    }
}
