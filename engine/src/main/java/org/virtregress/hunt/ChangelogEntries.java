package org.virtregress.hunt;

import java.util.List;

/**
 * The changelog entries of a packaging change read from an archived package ({@link Changelog} for
 * rpm, {@link DebianChangelog} for a .deb), and what was passed over.
 *
 * @param entries the entries, newest first, each as in the file
 * @param notes why something was not read: a malformed header, a cap, no changelog, a tool that
 *     failed; they go into the hunt's result with the entries
 */
record ChangelogEntries(List<String> entries, List<String> notes) {
    /** Copies the lists. */
    ChangelogEntries {
        entries = List.copyOf(entries);
        notes = List.copyOf(notes);
    }
}
