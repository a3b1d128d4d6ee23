package io.jenkins.plugins.virtregress.steps.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtregress.hunt.UpstreamClone;
import org.virtregress.hunt.UpstreamSources;
import org.virtregress.net.Credentials;
import org.virtregress.process.ProcessRunner;

/**
 * The upstream sources of the global configuration on the build's node: a package's repository is
 * cloned into a directory of the workspace the first time a hunt's commit level needs it, and
 * fetched into that clone by the next hunt.
 */
final class NodeUpstreamSources implements UpstreamSources {
    /** How long one clone or fetch may take. */
    static final Duration FETCH_TIMEOUT = Duration.ofMinutes(60);

    private final Map<String, UpstreamTarget> targets = new LinkedHashMap<>();
    private final Path directory;
    private final boolean allowFile;
    private final UpstreamClone clone;

    /**
     * Creates the sources.
     *
     * @param targets the configured sources the hunt may use
     * @param directory where the clones go, one per package
     * @param allowFile whether {@code file:} URLs are allowed
     * @param runner runs git
     */
    NodeUpstreamSources(List<UpstreamTarget> targets, Path directory, boolean allowFile, ProcessRunner runner) {
        targets.forEach(t -> this.targets.putIfAbsent(t.packageName(), t));
        this.directory = directory;
        this.allowFile = allowFile;
        this.clone = new UpstreamClone(runner, FETCH_TIMEOUT);
    }

    @Override
    public boolean has(String packageName) {
        return targets.containsKey(packageName);
    }

    @Override
    public Path fetch(String packageName) throws IOException, InterruptedException {
        UpstreamTarget target = targets.get(packageName);
        if (target == null) {
            throw new IOException("no upstream source is configured for " + packageName);
        }
        Credentials login = target.credentials() == null ? null
                : new Credentials(target.credentials().username(), target.credentials().password());
        return clone.fetch(target.url(), directory.resolve(directoryName(packageName)), login, allowFile);
    }

    @Override
    public String howToName(String packageName) {
        return "configure an upstream source for " + packageName + " in Manage Jenkins » System » virt-regress";
    }

    @Override
    public String tagTemplate(String packageName) {
        UpstreamTarget target = targets.get(packageName);
        return target == null ? null : target.tagTemplate();
    }

    /**
     * Returns the directory name of a package's clone: its name, with every character but letters,
     * digits, dot, plus, underscore and hyphen replaced, never {@code .} or {@code ..}.
     *
     * @param packageName the package
     * @return one path segment
     */
    static String directoryName(String packageName) {
        String name = packageName.replaceAll("[^A-Za-z0-9.+_-]", "_");
        return name.startsWith(".") ? "_" + name.substring(1) : name;
    }
}
