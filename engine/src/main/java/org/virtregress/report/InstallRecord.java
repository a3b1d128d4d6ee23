package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

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
}
