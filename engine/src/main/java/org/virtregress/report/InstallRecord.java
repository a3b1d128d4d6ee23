package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.virtregress.install.CommandRecord;
import org.virtregress.install.InstallResult;
import org.virtregress.install.PackageChange;

/**
 * What an install changed on the test host.
 *
 * @param manager the package manager, for example {@code dnf}, {@code zypper} or {@code apt}
 * @param root the install root, or null for the host itself
 * @param before package name to installed version before the install (absent: not installed)
 * @param after package name to installed version after the install
 * @param success whether the install succeeded and was verified
 * @param rolledBack whether a failed install was rolled back
 * @param commands the commands that ran, each as one display line
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstallRecord(String manager, String root, Map<String, String> before, Map<String, String> after,
                            boolean success, boolean rolledBack, List<String> commands) {
    /** Normalizes absent maps and lists to empty ones. */
    public InstallRecord {
        before = Lists.copy(before);
        after = Lists.copy(after);
        commands = Lists.copy(commands);
    }

    /**
     * Records an install for the report.
     *
     * @param result what the installer returned
     * @return the record, each command as its arguments joined by spaces and how it ended, such as
     *     {@code dnf -y install qemu-8.2.0-3 (exit 0)}
     */
    public static InstallRecord from(InstallResult result) {
        return new InstallRecord(result.manager(), result.root(), result.before(), result.after(), result.success(),
                result.rolledBack(), result.commands().stream().map(InstallRecord::commandLine).toList());
    }

    /**
     * Returns every package of the before and after maps, changed or not, by name.
     *
     * @return one entry per package, its {@link PackageChange#changed()} telling whether the install changed it
     */
    @JsonIgnore
    public List<PackageChange> packages() {
        return PackageChange.between(before, after);
    }

    private static String commandLine(CommandRecord command) {
        return String.join(" ", command.argv()) + " (exit " + command.exitCode()
                + (command.timedOut() ? ", timed out" : "") + ")";
    }
}
