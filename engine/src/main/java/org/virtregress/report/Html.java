package org.virtregress.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one escaping function of the HTML report, and the small formatting every renderer shares.
 * Every string that came from a user, a repository or a test goes through {@link #escape} before
 * it reaches the page, in text and in attributes alike, inside SVG as well.
 */
final class Html {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Html() {
    }

    /**
     * Escapes text for HTML and SVG text and for quoted attribute values: {@code & < > " '} become
     * character references, control characters other than tab and newline become U+FFFD.
     *
     * @param text the text, may be null
     * @return the escaped text, empty for null
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Returns whether a reference may be used as a link target: http(s) URLs and relative paths
     * without a scheme. Anything else ({@code javascript:}, {@code data:}) is shown as text only.
     */
    static boolean isSafeLink(String reference) {
        if (reference == null || reference.isBlank()) {
            return false;
        }
        String lower = reference.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return true;
        }
        return reference.indexOf(':') < 0 && !lower.startsWith("//") && !lower.startsWith("\\");
    }

    /** Formats a time as "2026-11-20 14:03 UTC"; empty for null. */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Formats a duration as "850 ms", "12.3 s", "4 min 05 s" or "1 h 02 min"; empty for null. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = duration.toSeconds();
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }

    /** Returns the first 12 characters of a commit hash (build versions and short strings unchanged). */
    static String shortHash(String candidate) {
        if (isHash(candidate) && candidate.length() > 12) {
            return candidate.substring(0, 12);
        }
        return candidate == null ? "" : candidate;
    }

    /** Returns whether a candidate looks like a commit hash (at least 7 hex digits). */
    static boolean isHash(String candidate) {
        return candidate != null && candidate.length() >= 7 && candidate.chars().allMatch(Html::isHex);
    }

    private static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Returns a status name as a CSS class suffix ("UNREPRODUCIBLE" → "vr-b-unreproducible"). */
    static String badgeClass(Enum<?> status) {
        return "vr-b-" + status.name().toLowerCase(Locale.ROOT);
    }

    /** Returns a badge span for a status. */
    static String badge(Enum<?> status) {
        return "<span class=\"vr-badge " + badgeClass(status) + "\">" + escape(status.name()) + "</span>";
    }
}
