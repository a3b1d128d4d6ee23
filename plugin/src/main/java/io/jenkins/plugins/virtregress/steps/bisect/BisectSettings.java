package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.AbortException;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.virtregress.bisect.FlakyBisector;

/**
 * The settings of one bisection, as the freestyle builder and the Pipeline steps share them.
 *
 * @param repository the git repository, relative to the workspace or absolute
 * @param goods the good revisions
 * @param bad the bad revision
 * @param paths path limits (only commits touching them are candidates), may be empty
 * @param firstParent follow only the first parent of merges
 * @param probes how many candidates are tested at once
 * @param repeat how many times each probe may run to settle a flaky verdict
 * @param confirm how many times the culprit and its parent are rerun at the end
 * @param flaky search for an intermittent failure from the start (the engine's flaky-aware search)
 * @param confidence the posterior the flaky-aware search must reach, above 0.5 and below 1
 */
public record BisectSettings(String repository, List<String> goods, String bad, List<String> paths,
        boolean firstParent, int probes, int repeat, int confirm, boolean flaky, double confidence)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Copies the lists. */
    public BisectSettings {
        goods = List.copyOf(goods);
        paths = List.copyOf(paths);
    }

    /** Creates the settings of a deterministic bisection, with the default confidence for a switch. */
    public BisectSettings(String repository, List<String> goods, String bad, List<String> paths,
            boolean firstParent, int probes, int repeat, int confirm) {
        this(repository, goods, bad, paths, firstParent, probes, repeat, confirm, false,
                FlakyBisector.DEFAULT_CONFIDENCE);
    }

    /**
     * Checks the settings before a bisection starts.
     *
     * @throws AbortException naming the first problem
     */
    void check() throws AbortException {
        Optional<String> problem = FieldChecks.revisions(String.join(" ", goods), "good revision")
                .or(() -> FieldChecks.revisions(bad, "bad revision"));
        if (problem.isPresent()) {
            throw new AbortException(problem.get());
        }
        if (probes < 1 || probes > 32) {
            throw new AbortException("probes must be between 1 and 32, not " + probes);
        }
        if (repeat < 1 || repeat > 20) {
            throw new AbortException("repeat must be between 1 and 20, not " + repeat);
        }
        if (confirm < 0 || confirm > 20) {
            throw new AbortException("confirm must be between 0 and 20, not " + confirm);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new AbortException("confidence must be above 0.5 and below 1, not " + confidence);
        }
    }

    /**
     * Describes the range for logs and reports.
     *
     * @return e.g. {@code qemu: good v9.0.0, bad v9.1.0}
     */
    String describe() {
        return repository + ": good " + String.join(", ", goods) + ", bad " + bad
                + (paths.isEmpty() ? "" : " -- " + String.join(" ", paths));
    }
}
