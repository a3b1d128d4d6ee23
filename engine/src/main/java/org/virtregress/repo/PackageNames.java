package org.virtregress.repo;

import java.util.regex.Pattern;

/**
 * The rule for names that come from repository metadata before they touch a path: package names,
 * versions, architectures, checksums and file names. rpm and dpkg never produce a name with a
 * path separator, a control character or a leading dot, so a repository that publishes one is
 * refused as a whole, with a message naming the repository and the package. Thread-safe.
 */
public final class PackageNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_+][A-Za-z0-9_+.~-]{0,254}");
    private static final Pattern EVR = Pattern.compile("[A-Za-z0-9_+.~^:-]{1,255}");
    private static final Pattern ARCH = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{32,128}");
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_+~^%:,=@-][A-Za-z0-9_+.~^%:,=@-]{0,254}");

    private PackageNames() {
    }

    /**
     * Checks every part of a build that may become part of a path.
     *
     * @param build a build read from a repository
     * @throws RepositoryException naming the repository and the package when a part is not valid
     */
    public static void check(Build build) throws RepositoryException {
        if (!NAME.matcher(build.name()).matches()) {
            throw refused(build, "package name " + quote(build.name()) + " is not a valid package name"
                    + " (letters, digits and _ + . ~ - only, not starting with a dot)");
        }
        if (!EVR.matcher(build.evr()).matches()) {
            throw refused(build, "package " + build.name() + " has a version " + quote(build.evr())
                    + " that is not valid (letters, digits and _ + . ~ ^ : - only)");
        }
        if (!ARCH.matcher(build.arch()).matches()) {
            throw refused(build, "package " + build.name() + " has an architecture " + quote(build.arch())
                    + " that is not valid");
        }
        if (!HEX.matcher(build.checksum().value()).matches()) {
            throw refused(build, "package " + build.name() + " has a checksum " + quote(build.checksum().value())
                    + " that is not a hex digest");
        }
    }

    /**
     * Checks a file name taken from a URL before it names a file on disk.
     *
     * @param fileName the last segment of a location
     * @param what the location and where it came from, for the message
     * @return the file name
     * @throws RepositoryException when it is empty, starts with a dot or holds a separator or a
     *     character outside the safe set
     */
    public static String fileName(String fileName, String what) throws RepositoryException {
        if (!FILE.matcher(fileName).matches()) {
            throw new RepositoryException(what + " has no usable file name: " + quote(fileName)
                    + " (letters, digits and _ + . ~ ^ % : , = @ - only, not starting with a dot)");
        }
        return fileName;
    }

    private static RepositoryException refused(Build build, String problem) {
        return new RepositoryException("repository " + build.repository() + ": " + problem
                + "; refusing the repository");
    }

    /** Quotes a value for a message, with control characters escaped and long values cut. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        for (int k = 0; k < value.length() && k < 200; k++) {
            char c = value.charAt(k);
            if (c < 0x20 || c == 0x7f || Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append(value.length() > 200 ? "...'" : "'").toString();
    }
}
