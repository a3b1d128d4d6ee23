package io.jenkins.plugins.virtregress.steps.hunt;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * Runs a hunt's probes on the nodes of the build's label: the controller's side, which the hunt on
 * the build's node calls through the channel for every probe of the reproduction, package and build
 * levels and for the final restore. Called from several threads at once. Public, since Remoting
 * proxies it on the build's node.
 */
public interface ProbeDispatch {
    /**
     * One archived package file on the build's node.
     *
     * @param name the package
     * @param version its {@code [epoch:]version-release}
     * @param path the file's absolute path on the build's node
     */
    record ShippedFile(String name, String version, String path) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * A probe's verdict as it crosses the channel.
     *
     * @param verdict the {@code Verdict} name
     * @param millis how long it took
     * @param log the suite log on the probe's node, or null
     * @param signature the failure signature of a BAD verdict, or null
     * @param reason why, as the hunt's log line says it
     */
    record Probed(String verdict, long millis, String log, String signature, String reason) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * One root left at a set.
     *
     * @param where the node and root
     * @param install the install record as JSON, or null when the install did not start
     * @param error why it failed, or null when the set is installed, verified
     */
    record RestoredRoot(String where, String install, String error) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /**
     * Tests a set on a free root of a node of the label.
     *
     * @param name the probe's name
     * @param files the set's package files
     * @return the verdict
     * @throws IOException if the probe cannot run at all: the hunt stops
     * @throws InterruptedException if the build is aborted
     */
    Probed test(String name, List<ShippedFile> files) throws IOException, InterruptedException;

    /**
     * Installs a set on every root a probe used.
     *
     * @param files the set's package files
     * @return one entry per root
     * @throws InterruptedException if the build is aborted
     */
    List<RestoredRoot> restore(List<ShippedFile> files) throws InterruptedException;
}
