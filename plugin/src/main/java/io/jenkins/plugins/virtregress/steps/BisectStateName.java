package io.jenkins.plugins.virtregress.steps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Names the state file of a command bisection after everything that decides its verdicts: the
 * resolved commits of its ends (not the revisions as typed, so {@code bad: HEAD} that moved is a
 * new bisection, never a clash), the path limits, the first-parent walk, the probe command and its
 * time limit, the repeats and the confirmations. Building again with the same of all of them
 * resumes; changing any starts afresh.
 */
final class BisectStateName {
    private BisectStateName() {
    }

    /**
     * Names a state file.
     *
     * @param goods the resolved good commits
     * @param bad the resolved bad commit
     * @param settings the bisection's settings (the revisions as typed are not used)
     * @param command the probe command
     * @param timeoutMinutes the probe's time limit
     * @return {@code state-} and 16 hex digits
     */
    static String of(List<String> goods, String bad, BisectSettings settings, List<String> command,
            long timeoutMinutes) {
        StringBuilder key = new StringBuilder("v2");
        goods.stream().sorted().forEach(g -> key.append("\0good=").append(g));
        key.append("\0bad=").append(bad);
        settings.paths().forEach(p -> key.append("\0path=").append(p));
        key.append("\0firstParent=").append(settings.firstParent())
                .append("\0repeat=").append(settings.repeat())
                .append("\0confirm=").append(settings.confirm())
                .append("\0timeout=").append(timeoutMinutes);
        if (settings.flaky()) {
            // a flaky-aware search has its own state; the names of the others stay as they were
            key.append("\0flaky=").append(settings.confidence());
        }
        command.forEach(c -> key.append("\0arg=").append(c));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "state-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
