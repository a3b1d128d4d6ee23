package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.AbortException;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The limits of a hunt's own settings and the checks the step, the action and their forms share. */
public final class HuntBounds {
    /** The most probes at once. */
    public static final int MAX_PROBES = 32;
    /** The most confirmation runs. */
    public static final int MAX_CONFIRM = 20;

    private HuntBounds() {
    }

    /**
     * Checks the probe count.
     *
     * @param probes the value
     * @return the problem, or empty when it is fine
     */
    public static Optional<String> probes(int probes) {
        return probes >= 1 && probes <= MAX_PROBES ? Optional.empty()
                : Optional.of("probes must be between 1 and " + MAX_PROBES + ", not " + probes);
    }

    /**
     * Checks the confirmation count.
     *
     * @param confirm the value
     * @return the problem, or empty when it is fine
     */
    public static Optional<String> confirm(int confirm) {
        return confirm >= 0 && confirm <= MAX_CONFIRM ? Optional.empty()
                : Optional.of("confirm must be between 0 and " + MAX_CONFIRM + ", not " + confirm);
    }

    /**
     * Splits the further repositories of the probes' installs; only URLs, since a hunt's probes do not
     * resolve configured repository names or credentials, and {@code file:} URLs only when the global
     * configuration allows file repositories.
     *
     * @param value URLs separated by spaces, commas or new lines
     * @return the URLs
     * @throws AbortException naming an entry that is not a URL
     */
    static List<String> repositoryUrls(String value) throws AbortException {
        List<String> urls = new ArrayList<>();
        for (String entry : FieldChecks.split(value == null ? "" : value)) {
            String url = entry.startsWith("deb:") ? entry.substring("deb:".length()) : entry;
            boolean file = url.startsWith("file:");
            if (file && !VirtRegressConfiguration.get().isAllowFileRepositories()) {
                throw new AbortException("huntRegression: repository " + entry + " is a file: URL, which the global"
                        + " configuration does not allow.");
            }
            if (!file && !url.startsWith("http://") && !url.startsWith("https://")) {
                throw new AbortException("huntRegression: repository " + entry + " is not a URL; the hunt's"
                        + " probes take dependency repositories as http(s) URLs only.");
            }
            urls.add(url);
        }
        return urls;
    }

    /**
     * Fails on the first problem.
     *
     * @param problem a check's result
     * @throws AbortException with its message
     */
    static void check(Optional<String> problem) throws AbortException {
        if (problem.isPresent()) {
            throw new AbortException("huntRegression: " + problem.get());
        }
    }
}
