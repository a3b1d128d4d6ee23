package org.virtregress.repo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Debian {@code Release} or {@code InRelease} file: its fields and the SHA256 list of the
 * index files it covers. The OpenPGP armor of InRelease is stripped here; its
 * signature is verified, when the repository has a keyring, by {@link SignatureVerifier}.
 *
 * @param fields the single-line fields, keys in lower case
 * @param sha256 the SHA256 entries by path relative to the Release file
 */
record ReleaseFile(Map<String, String> fields, Map<String, Entry> sha256) {
    /**
     * One line of the SHA256 field.
     *
     * @param checksum the checksum
     * @param size the size in bytes
     */
    record Entry(Checksum checksum, long size) {
    }

    /**
     * Parses a Release file.
     *
     * @param text the file, clearsigned or not
     * @param what its URL, for messages
     * @param maxLine the longest line accepted, in characters
     * @return the fields and checksums
     * @throws RepositoryException if it is malformed or a line is over the cap
     */
    static ReleaseFile parse(String text, String what, int maxLine) throws RepositoryException {
        List<String> lines = unsign(text, what).lines().toList();
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Entry> sha256 = new LinkedHashMap<>();
        String current = null;
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.length() > maxLine) {
                throw new TooLargeException(what + ": line " + number + " is longer than the limit of " + maxLine
                        + " characters");
            }
            if (line.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if ("sha256".equals(current)) {
                    String[] parts = line.strip().split("\\s+");
                    if (parts.length != 3 || !parts[0].matches("[0-9A-Fa-f]{64}")) {
                        throw new RepositoryException(what + " has a malformed SHA256 line: '" + line.strip() + "'");
                    }
                    try {
                        sha256.put(parts[2], new Entry(new Checksum("sha256", parts[0]), Long.parseLong(parts[1])));
                    } catch (NumberFormatException e) {
                        throw new RepositoryException(what + " has a malformed SHA256 line: '" + line.strip() + "'");
                    }
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new RepositoryException(what + " is not a Release file: unexpected line '" + line + "'");
            }
            current = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            fields.put(current, line.substring(colon + 1).strip());
        }
        if (fields.isEmpty()) {
            throw new RepositoryException(what + " is empty");
        }
        return new ReleaseFile(fields, sha256);
    }

    /** Tells whether the indices may be fetched by their checksum ({@code Acquire-By-Hash: yes}). */
    boolean acquireByHash() {
        return "yes".equalsIgnoreCase(fields.getOrDefault("acquire-by-hash", "").strip());
    }

    private static String unsign(String text, String what) throws RepositoryException {
        if (!text.startsWith("-----BEGIN PGP SIGNED MESSAGE-----")) {
            return text;
        }
        int bodyStart = text.indexOf("\n\n");
        int signature = text.indexOf("\n-----BEGIN PGP SIGNATURE-----");
        if (bodyStart < 0 || signature < bodyStart) {
            throw new RepositoryException(what + " is a malformed signed message");
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.substring(bodyStart + 2, signature).lines().toList()) {
            out.append(line.startsWith("- ") ? line.substring(2) : line).append('\n');
        }
        return out.toString();
    }
}
