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
     * @return the entries, each its header line and text, and a note for each package rpm could
     *     not read (no entries then: without the older one none can be told to be new) or for
     *     entries left out past the cap
     * @throws InterruptedException if interrupted
     */
    static ChangelogEntries between(Path newer, Path older, ProcessRunner runner) throws InterruptedException {
        List<String> notes = new ArrayList<>();
        List<String> added = entries(newer, runner, notes);
        int before = notes.size();
        List<String> known = entries(older, runner, notes);
        if (notes.size() > before) {
            // without the older changelog, no entry can be told to be new
            return new ChangelogEntries(List.of(), notes);
        }
        List<String> result = new ArrayList<>();
        for (String entry : added) {
            if (known.contains(entry)) {
                break;
            }
            if (result.size() >= MAX_ENTRIES) {
                notes.add(newer.getFileName() + ": more than " + MAX_ENTRIES + " new entries; the first "
                        + MAX_ENTRIES + " are shown");
                break;
            }
            result.add(entry);
        }
        return new ChangelogEntries(result, notes);
    }

    private static List<String> entries(Path rpm, ProcessRunner runner, List<String> notes)
            throws InterruptedException {
        CommandResult result;
        try {
            result = runner.run(Command.of("rpm", "-qp", "--nosignature", "--nodigest", "--changelog",
                    rpm.toString()).timeout(Duration.ofSeconds(30)).build(), OutputListener.NONE);
        } catch (IOException e) {
            notes.add("cannot read the changelog of " + rpm.getFileName() + ": " + e.getMessage());
            return List.of();
        }
        if (!result.succeeded()) {
            String detail = (result.stderr().isBlank() ? result.output() : result.stderr()).strip();
            int newline = detail.indexOf('\n');
            notes.add("cannot read the changelog of " + rpm.getFileName() + ": " + result.describe()
                    + (detail.isEmpty() ? "" : ": " + (newline < 0 ? detail : detail.substring(0, newline))));
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
