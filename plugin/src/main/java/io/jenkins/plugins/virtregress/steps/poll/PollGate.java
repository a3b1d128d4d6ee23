package io.jenkins.plugins.virtregress.steps.poll;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets one poll of a job run at a time, whatever trigger instance starts it: saving a job's
 * configuration replaces its trigger while the old one may still be polling, and two polls at
 * once would report the same new builds twice. Thread-safe.
 */
final class PollGate {
    private static final Set<String> POLLING = ConcurrentHashMap.newKeySet();

    private PollGate() {
    }

    /**
     * Enters the gate of a job.
     *
     * @param job the job's full name
     * @return true when no other poll of the job runs; then {@link #leave} must follow
     */
    static boolean enter(String job) {
        return POLLING.add(job);
    }

    /**
     * Leaves the gate of a job.
     *
     * @param job the job's full name
     */
    static void leave(String job) {
        POLLING.remove(job);
    }
}
