package org.virtregress.suite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The normalized identity of a failure: which case failed and why, with the parts that change
 * from run to run masked (numbers, hexadecimal addresses and hashes, UUIDs, timestamps, file
 * paths), so that a bisection can check that a probe reproduces the same failure rather than a
 * different one.
 *
 * @param testId the case id, without an avocado job position prefix such as {@code 3-}
 * @param reason the normalized failure reason (whitespace collapsed, at most
 *     {@value #MAX_REASON} characters)
 * @param hash the first 16 hexadecimal digits of the SHA-256 of {@link #text()}
 */
public record FailureSignature(String testId, String reason, String hash) {
    /** The longest normalized reason kept. */
    public static final int MAX_REASON = 1000;

    private static final Pattern AVOCADO_POSITION = Pattern.compile("^\\d+-(?=\\S)");
    private static final List<Map.Entry<Pattern, String>> MASKS = List.of(
            Map.entry(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?"),
                    "<TIME>"),
            Map.entry(Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}(\\.\\d+)?\\b"), "<TIME>"),
            Map.entry(Pattern.compile("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"), "<UUID>"),
            Map.entry(Pattern.compile("(?i)\\b0x[0-9a-f]+\\b"), "<HEX>"),
            Map.entry(Pattern.compile("(?i)\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\\b"), "<HEX>"),
            Map.entry(Pattern.compile("(?<![\\w.<>])(~|\\.{1,2})?(/[^\\s/:'\",;()\\[\\]{}<>]+)+/?"), "<PATH>"),
            Map.entry(Pattern.compile("\\d+(\\.\\d+)?"), "<N>"),
            Map.entry(Pattern.compile("\\s+"), " "));

    /**
     * Computes the signature of a case's first run.
     *
     * @param result the case
     * @return its signature
     */
    public static FailureSignature of(CaseResult result) {
        return of(result.id(), result.failureReason() == null ? result.status().name() : result.failureReason());
    }

    /**
     * Computes a signature from a case id and a raw failure reason.
     *
     * @param caseId the case id
     * @param rawReason the failure reason as the suite reported it, or {@code null}
     * @return the signature
     */
    public static FailureSignature of(String caseId, String rawReason) {
        String id = AVOCADO_POSITION.matcher(caseId.strip()).replaceFirst("");
        String reason = normalize(rawReason == null ? "" : rawReason);
        return new FailureSignature(id, reason, sha256(id + "\n" + reason).substring(0, 16));
    }

    /**
     * Masks numbers, addresses, UUIDs, timestamps and paths in a text and collapses its whitespace.
     *
     * @param text the text
     * @return the normalized text, at most {@value #MAX_REASON} characters
     */
    public static String normalize(String text) {
        String value = text;
        for (Map.Entry<Pattern, String> mask : MASKS) {
            value = mask.getKey().matcher(value).replaceAll(mask.getValue());
        }
        value = value.strip();
        return value.length() > MAX_REASON ? value.substring(0, MAX_REASON) : value;
    }

    /** Returns the stable text of the signature: {@code id: reason}. */
    public String text() {
        return testId + ": " + reason;
    }

    /**
     * Returns whether another signature names the same case failing for the same normalized reason.
     *
     * @param other the other signature
     * @return whether both are the same failure
     */
    public boolean sameFailure(FailureSignature other) {
        return other != null && hash.equals(other.hash) && text().equals(other.text());
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
