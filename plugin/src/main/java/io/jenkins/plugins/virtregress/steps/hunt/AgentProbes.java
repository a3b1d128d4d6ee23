package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.model.TopLevelItem;
import hudson.remoting.ChannelClosedException;
import hudson.remoting.RequestAbortedException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.virtregress.config.JobAuthentication;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
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
 * The controller's side of a hunt whose probes run on the nodes of a label (the step's or action's
 * {@code label}, else a freestyle job's own, see {@link ProbeLabel}): for each probe, takes a free
 * root of a fitting node ({@link ProbeNodes}), copies the build's workspace there once and the
 * set's package files from the build's node each time, and runs the probe there
 * ({@link ProbeCallable}); at most {@code probes} at once. A node that fails a probe (offline, its
 * channel closed during the probe, a failed copy) takes no more probes of the hunt and the probe
 * runs again on another node; with no node left the probe is SKIP ({@link ProbeFailover}). At the
 * end it restores every root a probe used. Thread-safe.
 */
final class AgentProbes implements ProbeDispatch {
    /** The longest failure detail a note quotes. */
    private static final int DETAIL_LIMIT = 300;

    private final ProbeNodes choice;
    private final ProbeFailover failover;
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

    /** A node failed a probe: the probe runs again elsewhere. */
    private static final class NodeFailure extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;

        private final ProbeFailover.Failure failure;
        private final String detail;

        NodeFailure(ProbeFailover.Failure failure, String detail) {
            super(failure.text() + (detail == null ? "" : ": " + detail));
            this.failure = failure;
            this.detail = detail;
        }
    }

    private AgentProbes(ProbeNodes choice, FilePath workspace, String own, TopLevelItem item, HuntSettings settings,
            List<RepositoryTarget> repositories, Map<String, String> environment, TaskListener listener) {
        this.choice = choice;
        this.failover = new ProbeFailover(choice.nodes());
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
     * Returns the dispatch of a build's hunt when a label is given that two or more online nodes
     * carry on which the build's authentication may build; otherwise nothing, and the whole hunt
     * runs on the build's node.
     *
     * @param label the label the probes spread over ({@link ProbeLabel}), or null for none
     * @param job the build's job
     * @param workspace the build's workspace
     * @param settings the hunt's settings
     * @param repositories the further repositories with the credentials the build resolved
     * @param environment the build's environment
     * @param listener the build log
     * @return the dispatch, or nothing
     */
    static Optional<AgentProbes> of(Label label, Job<?, ?> job, FilePath workspace, HuntSettings settings,
            List<RepositoryTarget> repositories, Map<String, String> environment, TaskListener listener) {
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
        Optional<ProbeNodes> choice = ProbeNodes.of(nodes, own, settings.root(), settings.probes());
        if (choice.isEmpty()) {
            listener.getLogger().println("huntRegression: fewer than two online nodes of " + label + " fit (or"
                    + " probes is 1): every probe runs on the build's node.");
        }
        return choice.map(fitting -> {
            listener.getLogger().println("huntRegression: the probes of the first two levels run on the nodes of "
                    + label + ": " + String.join(", ", fitting.nodes().stream().map(AgentProbes::name).toList())
                    + ", " + fitting.rootsPerNode() + " at a time on each");
            return new AgentProbes(fitting, workspace, own, item, settings, repositories, environment, listener);
        });
    }

    @Override
    public Probed test(String name, List<ShippedFile> files) throws IOException, InterruptedException {
        probes.acquire();
        try {
            List<String> failures = new ArrayList<>();
            while (true) {
                Optional<ProbeNodes.Slot> slot = take();
                if (slot.isEmpty()) {
                    String note;
                    synchronized (this) {
                        note = failover.giveUp().orElse("skipped: no node of the label is left to run it");
                    }
                    return skipped(note);
                }
                ProbeFailover.Decision decision;
                try {
                    Probed probed = run(slot.get(), name, files, false).probed();
                    return failures.isEmpty() ? probed : new Probed(probed.verdict(), probed.millis(), probed.log(),
                            probed.signature(), probed.reason() + ", after " + String.join(" and ", failures));
                } catch (NodeFailure e) {
                    synchronized (this) {
                        decision = failover.failed(name, slot.get().node(), e.failure, e.detail);
                        failover.why(slot.get().node()).ifPresent(failures::add);
                        notifyAll();
                    }
                } finally {
                    give(slot.get());
                }
                synchronized (log) {
                    log.println("hunt: " + decision.note());
                }
                if (!decision.retry()) {
                    return skipped(decision.note());
                }
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
            } catch (NodeFailure e) {
                restored.add(new RestoredRoot(where(slot), null, name(slot.node()) + " " + e.failure.text()
                        + (e.detail == null ? "" : " (" + e.detail + ")") + ": its root was not restored"));
            } catch (IOException e) {
                restored.add(new RestoredRoot(where(slot), null, e.getMessage()));
            }
        }
        return restored;
    }

    private static Probed skipped(String note) {
        return new Probed(Verdict.SKIP.name(), 0, null, null, note);
    }

    /**
     * Runs a probe or a restore on a slot.
     *
     * @throws NodeFailure when the node fails it: offline, a failed copy, a closed channel, a failed call
     * @throws IOException when the probe stops the hunt by itself (an {@link AbortException} from the node)
     */
    private ProbeCallable.Answer run(ProbeNodes.Slot slot, String name, List<ShippedFile> files, boolean restore)
            throws IOException, InterruptedException, NodeFailure {
        String where = where(slot);
        Node node = slot.node().isEmpty() ? Jenkins.get() : Jenkins.get().getNode(slot.node());
        Computer computer = node == null ? null : node.toComputer();
        VirtualChannel channel = computer == null ? null : computer.getChannel();
        FilePath there = slot.node().equals(own) ? workspace : node == null ? null : node.getWorkspaceFor(item);
        if (computer == null || channel == null || !computer.isOnline() || there == null) {
            throw new NodeFailure(ProbeFailover.Failure.OFFLINE, null);
        }
        synchronized (log) {
            log.println("hunt: " + (restore ? "restoring" : "probe " + name) + " on " + where);
        }
        FilePath directory = there.child(HuntCallable.DIRECTORY).child("probe-root-" + slot.root());
        List<ShippedFile> local = files;
        if (!slot.node().equals(own)) {
            try {
                copyWorkspace(slot.node(), there);
                local = copyFiles(files, directory.child("packages"));
            } catch (AbortException e) {
                throw e;
            } catch (IOException e) {
                throw failure(computer, channel, ProbeFailover.Failure.COPY, e);
            }
        }
        String root = settings.root() == null ? null
                : there.child(settings.root().replace(InstallRoots.NUMBER, Integer.toString(slot.root()))).getRemote();
        // the build's environment, with the workspace and node of the probe's node
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("WORKSPACE", there.getRemote());
        env.put("NODE_NAME", slot.node().isEmpty() ? "built-in" : slot.node());
        if (!restore) {
            synchronized (this) {
                used.add(slot); // from here on the root may hold a set other than the failing one
            }
        }
        try {
            return directory.act(new ProbeCallable(name, local, restore, there.getRemote(), root, where, settings,
                    repositories, env));
        } catch (AbortException e) {
            throw e;
        } catch (IOException | RequestAbortedException e) {
            throw failure(computer, channel, ProbeFailover.Failure.FAILED, e);
        }
    }

    /**
     * Names how a node failed: as gone offline when its channel closed or changed meanwhile,
     * otherwise as the given failure.
     */
    private static NodeFailure failure(Computer computer, VirtualChannel channel, ProbeFailover.Failure otherwise,
            Exception e) {
        boolean closed = computer.getChannel() != channel || !computer.isOnline();
        for (Throwable cause = e; cause != null && !closed; cause = cause.getCause() == cause ? null
                : cause.getCause()) {
            closed = cause instanceof ChannelClosedException || cause instanceof RequestAbortedException;
        }
        return new NodeFailure(closed ? ProbeFailover.Failure.DISCONNECTED : otherwise, detail(e));
    }

    /** Returns what the innermost cause of a failure says, shortened. */
    private static String detail(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getMessage().strip();
        return message.length() <= DETAIL_LIMIT ? message : message.substring(0, DETAIL_LIMIT) + "...";
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
                throw new AbortException("not a package file: " + file.path());
            }
            FilePath target = packages.child(name.toString());
            new FilePath(workspace.getChannel(), file.path()).copyTo(target);
            there.add(new ShippedFile(file.name(), file.version(), target.getRemote()));
        }
        return there;
    }

    /** Takes a free slot on a node left, waiting for one; nothing when every node is excluded. */
    private synchronized Optional<ProbeNodes.Slot> take() throws InterruptedException {
        while (failover.giveUp().isEmpty()) {
            Optional<ProbeNodes.Slot> slot = choice.choose(busy, failover.excluded());
            if (slot.isPresent()) {
                busy.computeIfAbsent(slot.get().node(), n -> new LinkedHashSet<>()).add(slot.get().root());
                return slot;
            }
            wait();
        }
        return Optional.empty();
    }

    private synchronized void give(ProbeNodes.Slot slot) {
        busy.getOrDefault(slot.node(), new LinkedHashSet<>()).remove(slot.root());
        notifyAll();
    }

    private String where(ProbeNodes.Slot slot) {
        return name(slot.node()) + (choice.rootsPerNode() > 1 ? " root " + slot.root() : "");
    }

    private static String name(String node) {
        return ProbeFailover.name(node);
    }
}
