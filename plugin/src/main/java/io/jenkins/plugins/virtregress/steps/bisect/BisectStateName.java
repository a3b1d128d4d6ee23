package io.jenkins.plugins.virtregress.steps.bisect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.virtregress.bisect.BisectFingerprint;

/**
 * Names the state file of a command bisection after the engine's {@link BisectFingerprint}:
 * everything that decides its verdicts (the resolved ends, not the revisions as typed, so
 * {@code bad: HEAD} that moved is a new bisection, never a clash; the range's limits; the command
 * and its time limit; the repeats and the confirmations), and whether the flaky-aware search runs
 * with which confidence. A bisection with the same of all of them finds its own state; any other
 * finds none and starts afresh.
 */
final class BisectStateName {
    private BisectStateName() {
    }

    /**
     * Names a state file.
     *
     * @param fingerprint the engine's fingerprint of the bisection about to run
     * @param flakyConfidence the confidence of a flaky-aware search, or null for a deterministic one
     * @return {@code state-} and 16 hex digits
     */
    static String of(BisectFingerprint fingerprint, Double flakyConfidence) {
        String key = fingerprint + (flakyConfidence == null ? "" : "\0flaky=" + flakyConfidence);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "state-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
