package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.FilePath;
import hudson.model.AbstractProject;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.model.TopLevelItem;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.virtregress.config.JobAuthentication;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;
import org.virtregress.bisect.Verdict;
import org.virtregress.hunt.InstallRoots;

/**
 * The controller's side of a hunt whose probes run on the nodes of the build's label: for each
 * probe, takes a free root of a fitting node ({@link ProbeNodes}), copies the build's workspace there
 * once and the set's package files from the build's node each time, and runs the probe there
 * ({@link ProbeCallable}); at most {@code probes} at once. At the end it restores every root a
 * probe used. Thread-safe.
 */
final class AgentProbes implements ProbeDispatch {
    private final ProbeNodes choice;
    private final Map<String, Set<Integer>> busy = new HashMap<>();
    private final Set<ProbeNodes.Slot> used = new LinkedHashSet<>();
    private final Map<String, Object> copies = new HashMap<>();
    private final Set<String> copied = ConcurrentHashMap.newKeySet();
    private final Semaphore probes;
    private final FilePath workspace;
    private final String own;
    private final TopLevelItem item;
    private final HuntSettings settings;
    private final List<RepositoryTarget> repositories;
    private final Map<String, String> environment;
    private final PrintStream log;

    private AgentProbes(ProbeNodes choice, FilePath workspace, String own, TopLevelItem item, HuntSettings settings,
            List<RepositoryTarget> repositories, Map<String, String> environment, TaskListener listener) {
        this.choice = choice;
        this.probes = new Semaphore(settings.probes());
        this.workspace = workspace;
        this.own = own;
        this.item = item;
        this.settings = settings;
        this.repositories = List.copyOf(repositories);
        this.environment = new LinkedHashMap<>(environment);
        this.log = listener.getLogger();
    }

    /**
     * Returns the dispatch of a build's hunt when its job is restricted to a label that two or more
     * online nodes carry on which the build's authentication may build; otherwise nothing, and the
     * whole hunt runs on the build's node.
     *
     * @param job the build's job
     * @param workspace the build's workspace
     * @param settings the hunt's settings
     * @param repositories the further repositories with the credentials the build resolved
     * @param environment the build's environment
     * @param listener the build log
     * @return the dispatch, or nothing
     */
    static Optional<AgentProbes> of(Job<?, ?> job, FilePath workspace, HuntSettings settings,
            List<RepositoryTarget> repositories, Map<String, String> environment, TaskListener listener) {
        Label label = job instanceof AbstractProject<?, ?> project ? project.getAssignedLabel() : null;
        Computer computer = workspace.toComputer();
        if (label == null || computer == null || !(job instanceof TopLevelItem item)) {
            return Optional.empty();
        }
        Authentication authentication = JobAuthentication.of(job);
        List<ProbeNodes.Node> nodes = new ArrayList<>();
        for (Node node : label.getNodes()) {
            Computer there = node.toComputer();
            boolean online = there != null && there.isOnline() && there.getChannel() != null;
            nodes.add(new ProbeNodes.Node(node.getNodeName(), label.contains(node), online,
                    there != null && there.getACL().hasPermission2(authentication, Computer.BUILD)));
        }
        String own = computer.getName();
        return ProbeNodes.of(nodes, own, settings.root(), settings.probes()).map(choice -> {
            listener.getLogger().println("huntRegression: the probes of the first two levels run on the nodes of "
                    + label + ": " + String.join(", ", choice.nodes().stream().map(AgentProbes::name).toList())
                    + ", " + choice.rootsPerNode() + " at a time on each");
            return new AgentProbes(choice, workspace, own, item, settings, repositories, environment, listener);
        });
    }

    @Override
    public Probed test(String name, List<ShippedFile> files) throws IOException, InterruptedException {
        probes.acquire();
        try {
            ProbeNodes.Slot slot = take();
            try {
                return run(slot, name, files, false).probed();
            } finally {
                give(slot);
            }
        } finally {
            probes.release();
        }
    }

    @Override
    public List<RestoredRoot> restore(List<ShippedFile> files) throws InterruptedException {
        List<ProbeNodes.Slot> slots;
        synchronized (this) {
            slots = List.copyOf(used);
        }
        List<RestoredRoot> restored = new ArrayList<>();
        for (ProbeNodes.Slot slot : slots) {
            try {
                restored.add(run(slot, "restore", files, true).restored());
            } catch (IOException e) {
                restored.add(new RestoredRoot(where(slot), null, e.getMessage()));
            }
        }
        return restored;
    }

    private ProbeCallable.Answer run(ProbeNodes.Slot slot, String name, List<ShippedFile> files, boolean restore)
            throws IOException, InterruptedException {
        String where = where(slot);
        Node node = slot.node().isEmpty() ? Jenkins.get() : Jenkins.get().getNode(slot.node());
        Computer computer = node == null ? null : node.toComputer();
        FilePath there = slot.node().equals(own) ? workspace : node == null ? null : node.getWorkspaceFor(item);
        if (computer == null || computer.getChannel() == null || there == null) {
            if (restore) {
                throw new IOException(where + " is offline");
            }
            return new ProbeCallable.Answer(new Probed(Verdict.SKIP.name(), 0, null, null, where + " is offline"),
                    null);
        }
        synchronized (log) {
            log.println("hunt: " + (restore ? "restoring" : "probe " + name) + " on " + where);
        }
        FilePath directory = there.child(HuntCallable.DIRECTORY).child("probe-root-" + slot.root());
        List<ShippedFile> local = files;
        if (!slot.node().equals(own)) {
            copyWorkspace(slot.node(), there);
            local = copyFiles(files, directory.child("packages"));
        }
        String root = settings.root() == null ? null
                : there.child(settings.root().replace(InstallRoots.NUMBER, Integer.toString(slot.root()))).getRemote();
        // the build's environment, with the workspace and node of the probe's node
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("WORKSPACE", there.getRemote());
        env.put("NODE_NAME", slot.node().isEmpty() ? "built-in" : slot.node());
        return directory.act(new ProbeCallable(name, local, restore, there.getRemote(), root, where, settings,
                repositories, env));
    }

    /** Copies the build's workspace to a node once, so that its suite runs there as on the build's node. */
    private void copyWorkspace(String node, FilePath there) throws IOException, InterruptedException {
        Object lock;
        synchronized (copies) {
            lock = copies.computeIfAbsent(node, n -> new Object());
        }
        synchronized (lock) {
            if (!copied.contains(node)) {
                there.mkdirs();
                workspace.copyRecursiveTo("**/*", ProbeNodes.copyExcludes(HuntCallable.DIRECTORY, settings.root()),
                        there);
                copied.add(node);
            }
        }
    }

    /** Copies the set's package files from the build's node into a probe's own directory. */
    private List<ShippedFile> copyFiles(List<ShippedFile> files, FilePath packages)
            throws IOException, InterruptedException {
        if (packages.exists()) {
            packages.deleteRecursive();
        }
        packages.mkdirs();
        List<ShippedFile> there = new ArrayList<>();
        for (ShippedFile file : files) {
            Path name = Path.of(file.path()).getFileName();
            if (name == null || name.toString().startsWith(".")) {
                throw new IOException("not a package file: " + file.path());
            }
            FilePath target = packages.child(name.toString());
            new FilePath(workspace.getChannel(), file.path()).copyTo(target);
            there.add(new ShippedFile(file.name(), file.version(), target.getRemote()));
        }
        return there;
    }

    private synchronized ProbeNodes.Slot take() throws InterruptedException {
        while (true) {
            Optional<ProbeNodes.Slot> slot = choice.choose(busy);
            if (slot.isPresent()) {
                busy.computeIfAbsent(slot.get().node(), n -> new LinkedHashSet<>()).add(slot.get().root());
                used.add(slot.get());
                return slot.get();
            }
            wait();
        }
    }

    private synchronized void give(ProbeNodes.Slot slot) {
        busy.getOrDefault(slot.node(), new LinkedHashSet<>()).remove(slot.root());
        notifyAll();
    }

    private String where(ProbeNodes.Slot slot) {
        return name(slot.node()) + (choice.rootsPerNode() > 1 ? " root " + slot.root() : "");
    }

    private static String name(String node) {
        return node.isEmpty() ? "the built-in node" : "node " + node;
    }
}
