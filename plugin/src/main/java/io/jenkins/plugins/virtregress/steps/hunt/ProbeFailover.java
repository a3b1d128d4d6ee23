package io.jenkins.plugins.virtregress.steps.hunt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what a hunt spread over the nodes of a label does when a node fails a probe: the node is
 * excluded for the rest of the hunt and the probe runs again on another eligible node; only when
 * every node is excluded is the probe (and every later one) SKIP, with a note that says which
 * nodes failed and how. A node fails a probe when it is offline as the probe starts there, when
 * its channel closes while the probe runs, when the build's workspace or the set's package files
 * cannot be copied to it, or when the probe's call fails there for another reason; a probe that
 * stops the hunt by itself (a bad setting, an aborted bisection) is not a node failure. Plain
 * logic on node names; the caller keeps it under its own lock and picks the next node with
 * {@link ProbeNodes#choose(Map, Set)}.
 */
final class ProbeFailover {
    /** How a node failed a probe. */
    enum Failure {
        /** The node was gone or offline when the probe was to start there. */
        OFFLINE("is offline"),
        /** The node's channel closed while the probe ran. */
        DISCONNECTED("went offline during the probe"),
        /** The build's workspace or the set's package files could not be copied to the node. */
        COPY("could not take the probe's files"),
        /** The probe's call failed on the node, which stayed connected. */
        FAILED("could not run the probe");

        private final String text;

        Failure(String text) {
            this.text = text;
        }

        /** Returns how the log says it, after the node's name. */
        String text() {
            return text;
        }
    }

    /**
     * What happens to the probe a node failed.
     *
     * @param retry whether it runs again on another node
     * @param note what the log says; when the probe does not run again, its SKIP reason
     */
    record Decision(boolean retry, String note) {
    }

    private final List<String> nodes;
    private final Map<String, String> excluded = new LinkedHashMap<>();

    /**
     * Starts with no node excluded.
     *
     * @param nodes the eligible nodes, as {@link ProbeNodes#nodes()} lists them
     */
    ProbeFailover(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Records that a node failed a probe and decides what the probe does next.
     *
     * @param probe the probe's name
     * @param node the node's name ({@code ""} for the built-in node)
     * @param failure how it failed
     * @param detail what the failure said, or null
     * @return to run the probe again elsewhere, or to give up with a SKIP
     */
    Decision failed(String probe, String node, Failure failure, String detail) {
        String what = ProbeFailover.name(node) + " " + failure.text()
                + (detail == null || detail.isBlank() ? "" : " (" + detail.strip() + ")");
        excluded.putIfAbsent(node, what);
        Optional<String> none = giveUp();
        if (none.isPresent()) {
            return new Decision(false, none.get());
        }
        List<String> left = remaining().stream().map(ProbeFailover::name).toList();
        return new Decision(true, "probe " + probe + ": " + what + ": it takes no more probes of this hunt; the"
                + " probe runs again on " + String.join(" or ", left));
    }

    /**
     * Tells whether every node is excluded, and then why: the SKIP reason of every probe left.
     *
     * @return the note, or nothing while a node is left
     */
    Optional<String> giveUp() {
        if (!excluded.keySet().containsAll(nodes)) {
            return Optional.empty();
        }
        return Optional.of("skipped: no node of the label is left to run it (" + String.join("; ", excluded.values())
                + ")");
    }

    /** Returns the excluded nodes, in the order they failed. */
    Set<String> excluded() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(excluded.keySet()));
    }

    /** Returns why a node is excluded, or nothing when it is not. */
    Optional<String> why(String node) {
        return Optional.ofNullable(excluded.get(node));
    }

    /** Returns the nodes left, in name order. */
    List<String> remaining() {
        List<String> left = new ArrayList<>(nodes);
        left.removeAll(excluded.keySet());
        return left;
    }

    /**
     * Returns how the log names a node.
     *
     * @param node the node's name, {@code ""} for the built-in node
     * @return e.g. {@code node agent-2}
     */
    static String name(String node) {
        return node.isEmpty() ? "the built-in node" : "node " + node;
    }
}
