package org.virtregress.process;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The commands running in this JVM, so that a JVM going down (Ctrl-C, {@code System.exit}, a
 * stopped agent) kills every one of them with all they started. The shutdown hook is added with
 * the first command. Thread-safe.
 */
final class LiveCommands {
    private static final Set<ProcessSweep> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(LiveCommands::killEverything, "process-sweep-on-exit"));
        } catch (IllegalStateException e) {
            // first used while the JVM goes down: the commands run now end with their own sweeps
        }
    }

    private LiveCommands() {
    }

    /** Registers a running command. */
    static void add(ProcessSweep sweep) {
        RUNNING.add(sweep);
    }

    /** Forgets a command once it and all it started are gone. */
    static void remove(ProcessSweep sweep) {
        RUNNING.remove(sweep);
    }

    /** Returns the sweep of the running command whose process has this id. */
    static Optional<ProcessSweep> of(long pid) {
        return RUNNING.stream().filter(sweep -> sweep.root() == pid).findFirst();
    }

    private static void killEverything() {
        for (ProcessSweep sweep : Set.copyOf(RUNNING)) {
            sweep.killAll();
        }
    }
}
