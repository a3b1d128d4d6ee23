package org.virtregress.install;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One package to install: its name and, optionally, the exact version wanted, written as the
 * package manager writes it ({@code [epoch:]version[-release]} for rpm, the Debian version for
 * apt). Validated on construction so that no name or version can be read as an option.
 *
 * @param name the package name
 * @param version the exact version, or {@code null} for whatever the repositories offer
 */
public record PackageSpec(String name, String version) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._-]{0,199}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+.~^:_-]{0,199}");
    private static final String VERSION_RULE =
            ": a version starts with a letter or digit and holds only letters, digits and + . ~ ^ : _ -";

    /** Checks the name and the version against strict patterns. */
    public PackageSpec {
        checkName(name);
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid version '" + version + "' of package " + name + VERSION_RULE);
        }
    }

    /**
     * Reads {@code NAME} or {@code NAME=VERSION}.
     *
     * @param text the text
     * @return the spec
     * @throws IllegalArgumentException if the name or version is invalid
     */
    public static PackageSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        int eq = text.indexOf('=');
        if (eq < 0) {
            return new PackageSpec(text, null);
        }
        return new PackageSpec(text.substring(0, eq), text.substring(eq + 1));
    }

    /**
     * Checks a package name.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is empty, starts with '-' or holds other characters than letters, digits and + . _ -
     */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid package name '" + name
                    + "': a name starts with a letter or digit and holds only letters, digits and + . _ -");
        }
        return name;
    }

    /**
     * Checks a package version, as {@code NAME=VERSION} and the constructor check it.
     *
     * @param version the version
     * @return the version
     * @throws IllegalArgumentException if it is empty or {@code null}, starts with another character than a letter
     *     or digit, or holds other characters than letters, digits and + . ~ ^ : _ -
     */
    public static String checkVersion(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid version '" + version + "'" + VERSION_RULE);
        }
        return version;
    }

    /** Returns {@code NAME=VERSION}, or the name alone when no version is asked for. */
    @Override
    public String toString() {
        return version == null ? name : name + "=" + version;
    }
}
