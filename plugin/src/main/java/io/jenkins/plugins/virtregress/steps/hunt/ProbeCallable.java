package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.AbortException;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import java.io.File;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.hunt.InstallRoots;
import org.virtregress.hunt.InstallSettings;
import org.virtregress.hunt.PackageFile;
import org.virtregress.hunt.SetTester;
import org.virtregress.install.Installers;
import org.virtregress.process.ProcessRunner;
import org.virtregress.storage.Json;

/**
 * One probe, or the final restore of one root, on a node of the build's label: installs exactly
 * the set (copied there beforehand) into the node's install root with the build's install settings
 * and runs the build's suite in the node's workspace, through the engine's local set tester, as the
 * hunt on the build's node does. Runs in the probe's directory on that node.
 */
final class ProbeCallable extends MasterToSlaveFileCallable<ProbeCallable.Answer> {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * What came back: a verdict, or the restore of the root.
     *
     * @param probed the verdict, or null for a restore
     * @param restored the restored root, or null for a probe
     */
    record Answer(ProbeDispatch.Probed probed, ProbeDispatch.RestoredRoot restored) implements java.io.Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final String name;
    private final List<ProbeDispatch.ShippedFile> files;
    private final boolean restore;
    private final String workspace;
    private final String root;
    private final String where;
    private final HuntSettings settings;
    private final List<RepositoryTarget> repositories;
    private final Map<String, String> environment;

    /**
     * One probe or restore.
     *
     * @param name the probe's name
     * @param files the set, as copied to this node
     * @param restore whether to install only, without the suite
     * @param workspace the job's workspace on this node, where the suite runs
     * @param root the install root on this node, or null for the running system
     * @param where the node and root, as the log names them
     * @param settings the hunt's settings
     * @param repositories the further repositories with the credentials the build resolved
     * @param environment the build's environment
     */
    ProbeCallable(String name, List<ProbeDispatch.ShippedFile> files, boolean restore, String workspace, String root,
            String where, HuntSettings settings, List<RepositoryTarget> repositories, Map<String, String> environment) {
        this.name = name;
        this.files = List.copyOf(files);
        this.restore = restore;
        this.workspace = workspace;
        this.root = root;
        this.where = where;
        this.settings = settings;
        this.repositories = List.copyOf(repositories);
        this.environment = new LinkedHashMap<>(environment);
    }

    @Override
    public Answer invoke(File directory, VirtualChannel channel) throws IOException, InterruptedException {
        ProcessRunner runner = new ProcessRunner();
        InstallSettings install;
        try {
            install = HuntCallable.installSettings(Installers.forManager(settings.manager(), runner), repositories,
                    settings);
        } catch (IllegalArgumentException e) {
            throw new AbortException(e.getMessage()); // a setting, the same on every node: the hunt stops
        }
        SetTester tester = SetTester.local(install, HuntCallable.launcher(settings, environment, Path.of(workspace)),
                InstallRoots.of(root, 1), directory.toPath().resolve("probes"), runner);
        List<PackageFile> set = new ArrayList<>();
        for (ProbeDispatch.ShippedFile file : files) {
            set.add(new PackageFile(file.name(), file.version(), Path.of(file.path())));
        }
        if (restore) {
            SetTester.Restored done = tester.restore(set).get(0);
            return new Answer(null, new ProbeDispatch.RestoredRoot(where, done.install() == null ? null
                    : Json.mapper().writeValueAsString(done.install()), done.error()));
        }
        try {
            return new Answer(DispatchSetTester.probed(tester.test(name, set), where), null);
        } catch (ProbeAbortedException e) {
            // the probe stops the hunt by itself; any other failure here is the node's, and the probe moves
            throw new AbortException("probe " + name + " on " + where + ": " + e.getMessage());
        }
    }
}
