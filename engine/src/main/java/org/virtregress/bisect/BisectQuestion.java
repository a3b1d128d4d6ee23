package org.virtregress.bisect;

import java.time.Duration;
import java.util.List;

/**
 * The caller's part of what a bisection asks, which the bisector cannot know by itself: where the
 * commits come from, how the range was chosen and what tests a candidate. Together with the range
 * and the bisector's own settings it makes the {@link BisectFingerprint} a state file is checked
 * against before its verdicts are reused.
 *
 * @param repository the repository's identity, for example its real path; null when not known
 * @param paths the path limits of the range; empty for none
 * @param firstParent whether the range follows only first parents
 * @param probe what tests a candidate, for example the command's argument array; empty when not known
 * @param timeout after how long a test run is stopped and its candidate skipped; null when not known
 */
public record BisectQuestion(String repository, List<String> paths, boolean firstParent, List<String> probe,
                             Duration timeout) {
    /** The question of a caller that tells nothing beyond the range. */
    public static final BisectQuestion UNKNOWN = new BisectQuestion(null, List.of(), false, List.of(), null);

    /** Copies the lists; null lists are empty. */
    public BisectQuestion {
        paths = paths == null ? List.of() : List.copyOf(paths);
        probe = probe == null ? List.of() : List.copyOf(probe);
    }
}
