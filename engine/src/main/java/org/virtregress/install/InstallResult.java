package org.virtregress.install;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of one install, for the report: what was asked, what the package database held
 * before and holds after, the commands run, and whether it was rolled back. Serializable with
 * Jackson.
 *
 * @param manager the package manager ({@code dnf}, {@code zypper}, {@code apt})
 * @param root the install root, or {@code null} for the running system
 * @param requested the packages asked for
 * @param removals the packages asked to be removed
 * @param repositories the repositories used
 * @param before name to installed version(s), read from the database before the transaction
 * @param after name to installed version(s), read from the database at the end (after any rollback)
 * @param commands every command run, in order
 * @param success whether the transaction succeeded and the database holds exactly what was asked
 * @param rolledBack whether a rollback ran and restored every changed package to its version before
 * @param restored what the rollback changed, package by package
 * @param error why the install failed, naming what was asked and what was found; {@code null} on success
 * @param logExcerpt the tail of the commands' output
 * @param startedAt when the install started (after the lock was granted)
 * @param duration how long the install took, rollback included
 */
public record InstallResult(String manager, String root, List<PackageSpec> requested, List<String> removals,
                            List<String> repositories, Map<String, String> before,
                            Map<String, String> after, List<CommandRecord> commands, boolean success,
                            boolean rolledBack, List<PackageChange> restored, String error, String logExcerpt,
                            Instant startedAt, Duration duration) {
    /** Copies every collection; the maps are sorted by name. */
    public InstallResult {
        requested = List.copyOf(requested);
        removals = List.copyOf(removals);
        repositories = List.copyOf(repositories);
        before = sorted(before);
        after = sorted(after);
        commands = List.copyOf(commands);
        restored = List.copyOf(restored);
    }

    /**
     * Returns the packages this install changed: installed, removed, upgraded or downgraded
     * between {@link #before()} and {@link #after()} (after any rollback), sorted by name.
     *
     * @return the changed packages; empty when the database holds what it held before
     */
    @JsonIgnore
    public List<PackageChange> changes() {
        return PackageChange.changesBetween(before, after);
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
