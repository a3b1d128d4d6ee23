package org.virtregress.install;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One package's version before and after a change: an install, a removal, or what a rollback did.
 * The versions are as the package database writes them ({@code EPOCH:VERSION-RELEASE} for rpm);
 * {@link #summary()} and {@link #displayVersion(String)} write them for people, without an epoch of 0.
 *
 * @param name the package
 * @param from the version before, or {@code null} if the package was absent
 * @param to the version after, or {@code null} if the package is absent
 */
public record PackageChange(String name, String from, String to) {
    /** How {@link #summary()} writes an absent version. */
    public static final String ABSENT = "(none)";

    private static final Pattern ZERO_EPOCH = Pattern.compile("(^|, )0+:");

    /** Checks the name. */
    public PackageChange {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Lists every package of either map, with its version in each, by name.
     *
     * @param before name to version(s) before
     * @param after name to version(s) after
     * @return one entry per package, changed or not, sorted by name
     */
    public static List<PackageChange> between(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<PackageChange> all = new ArrayList<>(names.size());
        for (String name : names) {
            all.add(new PackageChange(name, before.get(name), after.get(name)));
        }
        return List.copyOf(all);
    }

    /**
     * Lists the packages installed, removed, upgraded or downgraded between two reads of the
     * package database.
     *
     * @param before name to version(s) before
     * @param after name to version(s) after
     * @return the packages whose version differs, sorted by name
     */
    public static List<PackageChange> changesBetween(Map<String, String> before, Map<String, String> after) {
        return between(before, after).stream().filter(PackageChange::changed).toList();
    }

    /** Returns whether the version after differs from the version before. */
    public boolean changed() {
        return !Objects.equals(from, to);
    }

    /** Returns whether the package was absent before and is present after. */
    public boolean added() {
        return from == null && to != null;
    }

    /** Returns whether the package was present before and is absent after. */
    public boolean removed() {
        return from != null && to == null;
    }

    /**
     * Writes the change for people: {@code "9.1.0-3.1 → 9.1.0-4.1"}, {@code "(none) → 1.0-1"},
     * epochs of 0 left out.
     *
     * @return the versions before and after, joined by an arrow
     */
    public String summary() {
        return orAbsent(displayVersion(from)) + " → " + orAbsent(displayVersion(to));
    }

    /**
     * Writes a version for people: an epoch of 0 ({@code 0:1.0-1}, as rpm's {@code %{EPOCHNUM}}
     * writes it) is left out, any other epoch kept; several versions stay joined by {@code ", "}.
     *
     * @param version the version as the package database gives it, or {@code null}
     * @return the version without a zero epoch, or {@code null} for {@code null}
     */
    public static String displayVersion(String version) {
        return version == null ? null : ZERO_EPOCH.matcher(version).replaceAll("$1");
    }

    private static String orAbsent(String version) {
        return version == null ? ABSENT : version;
    }
}
