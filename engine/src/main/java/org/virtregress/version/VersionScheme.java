package org.virtregress.version;

import java.util.Comparator;

/** The ordering a package format applies to its version strings. */
public enum VersionScheme {
    /** rpm: {@code [epoch:]version[-release]} ordered with rpmvercmp. */
    RPM {
        @Override
        public int compare(String a, String b) {
            return Evr.parse(a).compareTo(Evr.parse(b));
        }
    },
    /** Debian: {@code [epoch:]upstream[-revision]} ordered as dpkg does. */
    DEBIAN {
        @Override
        public int compare(String a, String b) {
            return DebianVersion.compare(a, b);
        }
    };

    /**
     * Compares two full version strings of this scheme.
     *
     * @param a the first version
     * @param b the second version
     * @return -1, 0 or 1 as {@code a} is older than, equal to or newer than {@code b}
     */
    public abstract int compare(String a, String b);

    /** Returns this ordering as a comparator of version strings. */
    public Comparator<String> comparator() {
        return this::compare;
    }
}
