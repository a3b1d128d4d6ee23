package io.jenkins.plugins.virtregress.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Compares the versions installed before and after an install. */
public final class VersionChanges {
    /** How an absent version is written. */
    static final String NONE = "(none)";
    /** An epoch of 0 as rpm writes it ({@code 0:1.0-1}), at the start of a version or after ", ". */
    private static final Pattern ZERO_EPOCH = Pattern.compile("(^|, )0:");

    private VersionChanges() {
    }

    /**
     * Lists the packages whose version changed.
     *
     * @param before the versions before, by package name
     * @param after the versions after, by package name
     * @return {@code name → "before → after"} for every package installed, removed or changed, by name
     */
    public static Map<String, String> between(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changes = new TreeMap<>();
        TreeMap<String, String> names = new TreeMap<>(before);
        names.putAll(after);
        for (String name : names.keySet()) {
            String from = before.get(name);
            String to = after.get(name);
            if (!Objects.equals(from, to)) {
                changes.put(name, display(from) + " → " + display(to));
            }
        }
        return changes;
    }

    /**
     * Writes a version for people, as the cause and the engine's reports do: an epoch of 0 left
     * out ({@code 0:1.0-1} is {@code 1.0-1}), any other epoch kept.
     *
     * @param version the version from the package database, or null
     * @return the version to show
     */
    static String display(String version) {
        return version == null ? NONE : ZERO_EPOCH.matcher(version).replaceAll("$1");
    }
}
