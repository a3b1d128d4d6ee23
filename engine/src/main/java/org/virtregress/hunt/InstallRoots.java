package org.virtregress.hunt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The install roots probes run on, one probe per root at a time: a root template with {@code {n}}
 * gives one root per parallel probe ({@code /var/tmp/hunt-{n}} gives {@code hunt-1}, {@code hunt-2},
 * ...); a root without it, or the running system, is one root and probes on it take turns.
 * Thread-safe.
 */
public final class InstallRoots {
    /** The placeholder of a root template replaced by the root's number. */
    public static final String NUMBER = "{n}";

    /**
     * One install root.
     *
     * @param number its number, from 1
     * @param path the directory, or {@code null} for the running system
     */
    public record Root(int number, Path path) {
    }

    private final List<Root> roots;
    private final BlockingQueue<Root> free;

    private InstallRoots(List<Root> roots) {
        this.roots = List.copyOf(roots);
        this.free = new LinkedBlockingQueue<>(roots);
    }

    /**
     * Returns the roots for a template and a number of parallel probes.
     *
     * @param template the root directory, with {@code {n}} for one root per probe; {@code null} for
     *     the running system
     * @param probes the number of probes run at once
     * @return the roots: {@code probes} of them when the template holds {@code {n}}, else one
     */
    public static InstallRoots of(String template, int probes) {
        List<Root> roots = new ArrayList<>();
        if (template == null) {
            roots.add(new Root(1, null));
        } else if (!template.contains(NUMBER)) {
            roots.add(new Root(1, Path.of(template).toAbsolutePath()));
        } else {
            for (int n = 1; n <= probes; n++) {
                roots.add(new Root(n, Path.of(template.replace(NUMBER, Integer.toString(n))).toAbsolutePath()));
            }
        }
        return new InstallRoots(roots);
    }

    /** Returns every root. */
    public List<Root> all() {
        return roots;
    }

    /** Waits for a free root and takes it. */
    Root take() throws InterruptedException {
        return free.take();
    }

    /** Gives a root back. */
    void give(Root root) {
        free.add(root);
    }
}
