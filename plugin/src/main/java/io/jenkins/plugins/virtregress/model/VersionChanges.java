package io.jenkins.plugins.virtregress.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Compares the versions installed before and after an install. */
public final class VersionChanges {
    /** How an absent version is written. */
    static final String NONE = "(none)";

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
                changes.put(name, (from == null ? NONE : from) + " → " + (to == null ? NONE : to));
            }
        }
        return changes;
    }
}
