package io.jenkins.plugins.virtregress.steps.hunt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.virtregress.hunt.InstallRoots;

/**
 * Chooses the node of the next probe of a hunt spread over the nodes of the build's label: a node
 * that carries the label, is online and lets the build's authentication build on it; on it, the
 * lowest install root no probe uses (one root, unless the root template holds {@code {n}}: then as
 * many as the hunt runs probes at once). Of the nodes with a free root, the one running the fewest
 * probes; ties go to the build's own node, then by name. With fewer than two fitting nodes the hunt
 * runs as without agents, everything on the build's node. Plain logic on node names; the caller
 * reads the names from Jenkins and keeps {@code busy} under its own lock.
 */
final class ProbeNodes {
    /**
     * A node as the choice sees it.
     *
     * @param name the node's name ({@code ""} for the built-in node)
     * @param hasLabel whether it carries the build's label
     * @param online whether its computer is online with a channel
     * @param mayBuild whether the build's authentication has {@code Computer.BUILD} on it
     */
    record Node(String name, boolean hasLabel, boolean online, boolean mayBuild) {
        boolean fits() {
            return hasLabel && online && mayBuild;
        }
    }

    /**
     * One install root on one node.
     *
     * @param node the node's name
     * @param root the root's number, from 1 (the {@code {n}} of the template)
     */
    record Slot(String node, int root) {
    }

    private final List<String> nodes;
    private final String own;
    private final int roots;

    private ProbeNodes(List<String> nodes, String own, int roots) {
        this.nodes = List.copyOf(nodes);
        this.own = own;
        this.roots = roots;
    }

    /**
     * Returns the choice among nodes, or nothing when fewer than two fit (the hunt then runs on the
     * build's node as before).
     *
     * @param nodes the nodes of the build's label, as read from Jenkins
     * @param own the build's node
     * @param rootTemplate the hunt's install root template, {@code null} for the running system
     * @param probes how many probes the hunt runs at once
     * @return the choice, over the fitting nodes in name order
     */
    static Optional<ProbeNodes> of(List<Node> nodes, String own, String rootTemplate, int probes) {
        List<String> fitting = nodes.stream().filter(Node::fits).map(Node::name).distinct().sorted().toList();
        if (fitting.size() < 2 || probes < 2) {
            return Optional.empty();
        }
        int roots = rootTemplate != null && rootTemplate.contains(InstallRoots.NUMBER) ? probes : 1;
        return Optional.of(new ProbeNodes(fitting, own, roots));
    }

    /** Returns the fitting nodes, in name order. */
    List<String> nodes() {
        return nodes;
    }

    /** Returns how many probes one node runs at once: one per install root. */
    int rootsPerNode() {
        return roots;
    }

    /**
     * Chooses the slot of the next probe.
     *
     * @param busy node name to the root numbers probes use now
     * @return the slot, or nothing when every root of every node is in use
     */
    Optional<Slot> choose(Map<String, Set<Integer>> busy) {
        return choose(busy, Set.of());
    }

    /**
     * Chooses the slot of the next probe on a node that has not failed the hunt.
     *
     * @param busy node name to the root numbers probes use now
     * @param excluded the nodes that take no more probes ({@link ProbeFailover#excluded()})
     * @return the slot, or nothing when every root of every node left is in use (or none is left)
     */
    Optional<Slot> choose(Map<String, Set<Integer>> busy, Set<String> excluded) {
        List<String> order = new ArrayList<>(nodes);
        order.removeAll(excluded);
        order.sort(Comparator.<String>comparingInt(n -> busy.getOrDefault(n, Set.of()).size())
                .thenComparing(n -> !n.equals(own)).thenComparing(Comparator.naturalOrder()));
        for (String node : order) {
            Set<Integer> used = new TreeSet<>(busy.getOrDefault(node, Set.of()));
            for (int root = 1; root <= roots; root++) {
                if (!used.contains(root)) {
                    return Optional.of(new Slot(node, root));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Returns what the copy of the build's workspace to another node leaves out: the hunt's own
     * directory and the install roots inside the workspace (each probe installs its set into its own).
     *
     * @param huntDirectory the hunt's directory in the workspace
     * @param rootTemplate the install root template, {@code null} for the running system
     * @return the Ant excludes, comma-separated
     */
    static String copyExcludes(String huntDirectory, String rootTemplate) {
        String excludes = huntDirectory + "/**";
        if (rootTemplate != null && !rootTemplate.startsWith("/") && !rootTemplate.startsWith("..")
                && !rootTemplate.contains(",")) {
            excludes += "," + rootTemplate.replace(InstallRoots.NUMBER, "*") + "/**";
        }
        return excludes;
    }
}
