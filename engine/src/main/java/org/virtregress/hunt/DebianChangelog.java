package org.virtregress.hunt;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;
import org.virtregress.io.CappedInputStream;
import org.virtregress.version.DebianVersion;

/**
 * Reads the Debian changelog of an archived {@code .deb}: {@code usr/share/doc/PACKAGE/changelog.Debian.gz}
 * (or {@code changelog.gz} for a native package) from its data archive, read in memory (member names are
 * compared, never used as paths), with every decompressed size, the member count and the line length
 * capped. The entries kept are those newer than the last good version up to and including the first bad
 * one, by dpkg's version ordering.
 */
final class DebianChangelog {
    static final int MAX_ENTRIES = 50;
    static final long MAX_DATA = 4L << 30;
    static final int MAX_MEMBERS = 200_000;
    static final long MAX_CHANGELOG = 8L << 20;
    static final int MAX_LINE = 8192;

    private static final Pattern HEADER = Pattern.compile(
            "^([a-z0-9][a-z0-9+.-]*) \\(([^()\\s]+)\\)((?:\\s+[A-Za-z0-9./+-]+)+);\\s*(.*)$");

    private DebianChangelog() {
    }

    /**
     * Returns the entries of the first bad package's changelog after the last good version.
     *
     * @param deb the first bad build's file
     * @param packageName the binary package's name, for its documentation directory
     * @param good the last good version
     * @param bad the first bad version
     * @return the entries and notes; no entries, with a note, when the file cannot be read
     */
    static ChangelogEntries between(Path deb, String packageName, String good, String bad) {
        String text;
        try {
            text = read(deb, packageName);
        } catch (IOException | RuntimeException e) {
            return new ChangelogEntries(List.of(), List.of("cannot read the changelog of " + deb.getFileName() + ": "
                    + e.getMessage()));
        }
        if (text == null) {
            return new ChangelogEntries(List.of(), List.of(deb.getFileName() + " holds no usr/share/doc/" + packageName
                    + "/changelog.Debian.gz or changelog.gz"));
        }
        return select(text, deb.getFileName() + " changelog", good, bad);
    }

    /**
     * Parses changelog text and keeps the entries in {@code (good, bad]}.
     *
     * @param text the changelog
     * @param what its name, for the notes
     * @param good the last good version
     * @param bad the first bad version
     * @return the entries, newest first, and the notes
     */
    static ChangelogEntries select(String text, String what, String good, String bad) {
        DebianVersion low = DebianVersion.parse(good);
        DebianVersion high = DebianVersion.parse(bad);
        List<String> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder current = null;
        boolean keep = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.length() > MAX_LINE) {
                notes.add(what + ": line " + (i + 1) + " is longer than " + MAX_LINE + " characters; the rest is not read");
                current = null;
                break;
            }
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
                if (current != null) {
                    current.append('\n').append(line);
                }
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (!header.matches()) {
                notes.add(what + ": line " + (i + 1) + " is not a changelog entry header; the rest is not read: "
                        + abbreviate(line));
                break;
            }
            if (current != null && keep) {
                entries.add(current.toString().strip());
            }
            current = null;
            if (entries.size() >= MAX_ENTRIES) {
                notes.add(what + ": more than " + MAX_ENTRIES + " entries; the first " + MAX_ENTRIES + " are shown");
                break;
            }
            DebianVersion version;
            try {
                version = DebianVersion.parse(header.group(2));
            } catch (IllegalArgumentException e) {
                notes.add(what + ": line " + (i + 1) + ": entry skipped, bad version " + abbreviate(header.group(2))
                        + ": " + e.getMessage());
                keep = false;
                current = new StringBuilder(line);
                continue;
            }
            if (version.compareTo(low) <= 0) {
                break;
            }
            keep = version.compareTo(high) <= 0;
            current = new StringBuilder(line);
        }
        if (current != null && keep) {
            entries.add(current.toString().strip());
        }
        return new ChangelogEntries(entries, notes);
    }

    /** Returns the changelog's text, or null when the package holds none. */
    static String read(Path deb, String packageName) throws IOException {
        String debian = "usr/share/doc/" + packageName + "/changelog.Debian.gz";
        String nativeLog = "usr/share/doc/" + packageName + "/changelog.gz";
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            ArArchiveEntry member;
            while ((member = ar.getNextEntry()) != null) {
                String name = member.getName();
                if (!name.startsWith("data.tar")) {
                    continue;
                }
                try (InputStream data = CappedInputStream.leavingOpen(decompress(ar, name.substring(8)), MAX_DATA,
                        deb.getFileName() + ": " + name + " is larger than " + MAX_DATA + " bytes");
                     TarArchiveInputStream tar = new TarArchiveInputStream(data)) {
                    String found = null;
                    int count = 0;
                    TarArchiveEntry entry;
                    while ((entry = tar.getNextEntry()) != null) {
                        if (++count > MAX_MEMBERS) {
                            throw new IOException(name + " has more than " + MAX_MEMBERS + " members");
                        }
                        String path = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                        boolean isDebian = path.equals(debian);
                        if (entry.isFile() && (isDebian || path.equals(nativeLog))) {
                            found = gunzip(tar, deb.getFileName() + ": " + path);
                            if (isDebian) {
                                return found;
                            }
                        }
                    }
                    return found;
                }
            }
        }
        throw new IOException(deb.getFileName() + " has no data.tar member: not a Debian package");
    }

    private static InputStream decompress(InputStream in, String suffix) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 65536);
        return switch (suffix) {
            case ".xz" -> new XZInputStream(buffered);
            case ".zst" -> new ZstdInputStream(buffered);
            case ".gz" -> new GZIPInputStream(buffered, 65536);
            case "" -> buffered;
            default -> throw new IOException("data.tar" + suffix + " is compressed in a way not read here");
        };
    }

    private static String gunzip(InputStream tar, String what) throws IOException {
        InputStream text = CappedInputStream.leavingOpen(new GZIPInputStream(tar), MAX_CHANGELOG,
                what + " is larger than " + MAX_CHANGELOG + " bytes decompressed");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8))) {
            StringBuilder out = new StringBuilder();
            char[] buffer = new char[8192];
            int n;
            while ((n = reader.read(buffer)) > 0) {
                out.append(buffer, 0, n);
            }
            return out.toString();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
