package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectRangeException;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.storage.Json;

/** Reads a bisection range from a git repository in the agent's workspace, as a JSON snapshot. */
final class RangeCallable extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

    private final BisectSettings settings;

    RangeCallable(BisectSettings settings) {
        this.settings = settings;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException {
        Path repository = workspace.toPath().resolve(settings.repository()).normalize();
        try (CommitGraph graph = CommitGraph.open(repository)) {
            BisectRange range = graph.range(settings.goods(), settings.bad(), settings.paths(),
                    settings.firstParent() || settings.flaky());
            return Json.mapper().writeValueAsString(RangeSnapshot.of(range, graph));
        } catch (BisectRangeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
