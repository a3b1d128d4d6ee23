package org.virtregress.version;

import java.util.Objects;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]}, ordered as
 * {@code dpkg --compare-versions} orders it: epoch numerically, then upstream and revision with
 * dpkg's {@code verrevcmp} (letters before other characters, {@code ~} before everything,
 * numbers numerically). Immutable.
 *
 * @param epoch the epoch, 0 when absent
 * @param upstream the upstream version
 * @param revision the Debian revision, empty when absent
 */
public record DebianVersion(long epoch, String upstream, String revision) implements Comparable<DebianVersion> {
    /** Validates the parts. */
    public DebianVersion {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(revision, "revision");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative: " + epoch);
        }
    }

    /**
     * Parses a version: the epoch is before the first colon, the revision after the last dash.
     *
     * @param text the version, for example {@code 1:9.1.0+ds-2}
     * @return the parsed version
     * @throws IllegalArgumentException if the text is empty or the epoch is not a number
     */
    public static DebianVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        String rest = text.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("Debian version is empty");
        }
        long epoch = 0;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            try {
                epoch = Long.parseLong(rest.substring(0, colon));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("epoch of Debian version '" + text + "' is not a number", e);
            }
            rest = rest.substring(colon + 1);
        }
        int dash = rest.lastIndexOf('-');
        return dash >= 0
                ? new DebianVersion(epoch, rest.substring(0, dash), rest.substring(dash + 1))
                : new DebianVersion(epoch, rest, "");
    }

    /**
     * Compares two version strings as dpkg does.
     *
     * @param a the first version
     * @param b the second version
     * @return -1, 0 or 1 as {@code a} is older than, equal to or newer than {@code b}
     */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(DebianVersion other) {
        int rc = Long.compare(epoch, other.epoch);
        if (rc == 0) {
            rc = verrevcmp(upstream, other.upstream);
        }
        if (rc == 0) {
            rc = verrevcmp(revision, other.revision);
        }
        return Integer.signum(rc);
    }

    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !RpmVersion.isDigit(a.charAt(i)))
                    || (j < b.length() && !RpmVersion.isDigit(b.charAt(j)))) {
                int ac = order(charAt(a, i));
                int bc = order(charAt(b, j));
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (RpmVersion.isDigit(charAt(a, i)) && RpmVersion.isDigit(charAt(b, j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (RpmVersion.isDigit(charAt(a, i))) {
                return 1;
            }
            if (RpmVersion.isDigit(charAt(b, j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    private static int order(char c) {
        if (RpmVersion.isDigit(c)) {
            return 0;
        }
        if (RpmVersion.isAlpha(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }

    private static char charAt(String s, int k) {
        return k < s.length() ? s.charAt(k) : 0;
    }

    /** Returns the version in Debian notation, leaving out a zero epoch and an empty revision. */
    @Override
    public String toString() {
        return (epoch != 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }
}
