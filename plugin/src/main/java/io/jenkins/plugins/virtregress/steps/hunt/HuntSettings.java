package io.jenkins.plugins.virtregress.steps.hunt;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The settings one hunt's probes re-run: the build's own install and suite settings, and how many
 * probes run at once and how often the culprit is confirmed. The Pipeline step and the freestyle
 * post-build action fill the same record.
 *
 * @param suite the failing suite's name, or null for the build's failing suite
 * @param command the suite command, split into words
 * @param format the results format ({@code tap}, {@code junit}, {@code avocado})
 * @param results the results files relative to the probe's directory, or null for TAP on standard output
 * @param timeoutMinutes how long one suite run may take
 * @param manager the package manager ({@code zypper}, {@code dnf}, {@code apt})
 * @param root the install root ({@code {n}} for one per probe), or null for the agent's own system
 * @param repositories further repositories for dependencies, as {@code installPackages} takes them:
 *     names of configured repositories (which bring their credentials) or URLs, expanded
 * @param gpgCheck whether package signatures are checked
 * @param installTimeoutMinutes how long one install may take
 * @param probes how many probes run at once
 * @param confirm how many confirmation runs the culprit and its parent get
 * @param commitProbe the commit level's probe, split into words and run in a worktree of each commit
 *     ({@code {root}} replaced by the probe's install root), empty to end the hunt at the build
 */
public record HuntSettings(String suite, List<String> command, String format, String results, int timeoutMinutes,
        String manager, String root, String repositories, boolean gpgCheck, int installTimeoutMinutes,
        int probes, int confirm, List<String> commitProbe) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Copies the commands; null repositories are none. */
    public HuntSettings {
        command = command == null ? List.of() : List.copyOf(command);
        commitProbe = commitProbe == null ? List.of() : List.copyOf(commitProbe);
        repositories = repositories == null ? "" : repositories.trim();
    }
}
