package io.jenkins.plugins.virtregress.model;

import java.util.Map;
import java.util.TreeMap;
import org.virtregress.install.PackageChange;

/**
 * Lists the versions an install changed, as the build's action shows them. The engine's
 * {@link PackageChange} decides what changed and how a version is written; this class only puts
 * the result in the form the action keeps.
 */
public final class VersionChanges {
    private VersionChanges() {
    }

    /**
     * Lists the packages whose version changed.
     *
     * @param before the versions before, by package name
     * @param after the versions after, by package name
     * @return {@code name → "before → after"} for every package installed, removed or changed, by
     *     name, as {@link PackageChange#summary()} writes it
     */
    public static Map<String, String> between(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changes = new TreeMap<>();
        for (PackageChange change : PackageChange.changesBetween(before, after)) {
            changes.put(change.name(), change.summary());
        }
        return changes;
    }
}
