package org.virtregress.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Prints the demo's progress, one line per step, each prefixed with the seconds since the start.
 * Thread-safe.
 */
final class DemoProgress {
    private final PrintWriter out;
    private final long start = System.nanoTime();

    DemoProgress(PrintWriter out) {
        this.out = out;
    }

    /** Prints one line. */
    synchronized void step(String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsed().toMillis() / 1000.0, text);
        out.flush();
    }

    /** Prints text as it is, without a time prefix. */
    synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }

    /** Returns the time since the start. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Formats a duration as seconds with one decimal. */
    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Shortens a commit hash to 12 characters; "unknown" for none. */
    static String abbreviate(String hash) {
        return hash == null ? "unknown" : hash.substring(0, Math.min(12, hash.length()));
    }
}
