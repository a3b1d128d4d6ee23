package org.virtregress.cli.demo;

import java.io.PrintWriter;
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
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsedSeconds(), text);
        out.flush();
    }

    /** Prints text as it is, without a time prefix. */
    synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }

    /** Returns the seconds since the start. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
