package org.virtregress.hunt;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.process.ProcessRunner;

/**
 * Everything a hunt needs: the archive, the last good and the failing package sets, how a probe
 * installs and tests a set, how many probes run at once, how often the culprit is confirmed, the
 * upstream repositories and commit probe of the commit level, and the state file. Immutable; made
 * with {@link #builder}.
 *
 * @param archive the archive directory ({@code index.json})
 * @param good the last good set: package name to version ({@code [epoch:]version-release})
 * @param bad the failing set; a package missing here is taken at its newest archived build
 * @param arch the architecture, or {@code null} to take the failing builds'
 * @param install how probes install a set
 * @param suite the suite a probe runs
 * @param rootTemplate the install root, {@code {n}} for one per probe; {@code null} for the running system
 * @param probes how many probes run at once
 * @param confirm how many confirmation runs the culprit and its parent get at each level
 * @param flaky whether the build and commit levels use the flaky-aware search from the start (else
 *     they switch to it when the runs of one candidate disagree)
 * @param confidence the posterior the flaky-aware search's culprit must reach, above 0.5 and below 1
 * @param maxRuns the flaky-aware search's run budget per level, the bad end's runs included; with
 *     {@code flaky}, also the most runs of the failing set while reproducing the failure
 * @param sources package name to its upstream git repository, for the commit level
 * @param upstream the upstream repositories fetched when the commit level starts, for a package
 *     {@code sources} does not name; {@code null} for none
 * @param commitProber the commit level's probe, or {@code null} to stop at the build level
 * @param tagTemplate the tag of an upstream version ({@code v%{version}}), or {@code null}
 * @param goodRevision the upstream revision of the last good build when its package names none, or {@code null}
 * @param badRevision the upstream revision of the first bad build when its package names none, or {@code null}
 * @param stateFile the hunt's state file, or {@code null} to keep it in memory
 * @param workDirectory where probes keep their repositories and logs
 * @param runner runs createrepo_c (apt-ftparchive for apt) and rpm
 * @param testers makes the tester of the reproduction, package and build levels' probes and of the
 *     final restore, or {@code null} for {@link SetTester#local()}: this machine's install roots.
 *     It decides no verdict the state file keeps, so it is not part of the {@link HuntFingerprint}
 */
public record HuntRequest(Path archive, Map<String, String> good, Map<String, String> bad, String arch,
                          InstallSettings install, SuiteLauncher suite, String rootTemplate, int probes, int confirm,
                          boolean flaky, double confidence, int maxRuns, Map<String, Path> sources, UpstreamSources upstream,
                          CommitProber commitProber, String tagTemplate,
                          String goodRevision, String badRevision, Path stateFile, Path workDirectory,
                          ProcessRunner runner, SetTester.Factory testers) {
    /** Checks the required parts and sorts the maps. */
    public HuntRequest {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(workDirectory, "workDirectory");
        good = new TreeMap<>(good);
        bad = new TreeMap<>(bad == null ? Map.of() : bad);
        sources = new TreeMap<>(sources == null ? Map.of() : sources);
        runner = runner == null ? new ProcessRunner() : runner;
        if (probes < 1) {
            throw new IllegalArgumentException("probes must be at least 1: " + probes);
        }
        if (confirm < 0) {
            throw new IllegalArgumentException("confirm must not be negative: " + confirm);
        }
        FlakyBisector.checkConfidence(confidence);
        FlakyBisector.checkMaxRuns(maxRuns);
        if (tagTemplate != null) {
            checkTagTemplate(tagTemplate);
        }
    }

    /**
     * Checks a tag template: {@code %{version}} in it (replaced by a build's upstream version), and
     * around it only what a git tag name may hold (no space, control character, {@code ~ ^ : ? * [ \},
     * no {@code ..}, not starting with {@code -} or {@code /}).
     *
     * @param template the template as the user wrote it
     * @return the template
     * @throws IllegalArgumentException naming the template and what is wrong with it
     */
    public static String checkTagTemplate(String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("invalid tag template: it is empty");
        }
        if (!template.contains(UpstreamRevision.VERSION)) {
            throw new IllegalArgumentException("invalid tag template '" + template + "': it must hold "
                    + UpstreamRevision.VERSION + ", replaced by a build's upstream version (for example v"
                    + UpstreamRevision.VERSION + ")");
        }
        String rest = template.replace(UpstreamRevision.VERSION, "1");
        if (rest.startsWith("-") || rest.startsWith("/") || rest.endsWith("/") || rest.endsWith(".lock")
                || rest.contains("..") || rest.contains("@{") || rest.contains("//")
                || rest.chars().anyMatch(c -> c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("invalid tag template '" + template + "': a git tag name holds no"
                    + " space, control character, ~ ^ : ? * [ \\ or .., and does not start with - or /");
        }
        return template;
    }

    /**
     * Starts a request.
     *
     * @param archive the archive directory
     * @param install how probes install a set
     * @param suite the suite a probe runs
     * @param workDirectory where probes keep their repositories and logs
     * @return a builder
     */
    public static Builder builder(Path archive, InstallSettings install, SuiteLauncher suite, Path workDirectory) {
        return new Builder(archive, install, suite, workDirectory);
    }

    /** Collects the parts of a {@link HuntRequest}. Not thread-safe. */
    public static final class Builder {
        private final Path archive;
        private final InstallSettings install;
        private final SuiteLauncher suite;
        private final Path workDirectory;
        private final Map<String, String> good = new TreeMap<>();
        private final Map<String, String> bad = new TreeMap<>();
        private final Map<String, Path> sources = new TreeMap<>();
        private String arch;
        private String rootTemplate;
        private int probes = 1;
        private int confirm = 3;
        private boolean flaky;
        private double confidence = FlakyBisector.DEFAULT_CONFIDENCE;
        private int maxRuns = FlakyBisector.DEFAULT_MAX_RUNS;
        private UpstreamSources upstream;
        private CommitProber commitProber;
        private String tagTemplate;
        private String goodRevision;
        private String badRevision;
        private Path stateFile;
        private ProcessRunner runner;
        private SetTester.Factory testers;

        private Builder(Path archive, InstallSettings install, SuiteLauncher suite, Path workDirectory) {
            this.archive = archive;
            this.install = install;
            this.suite = suite;
            this.workDirectory = workDirectory;
        }

        /** Adds a package of the last good set at its version. */
        public Builder good(String name, String version) {
            good.put(name, version);
            return this;
        }

        /** Adds a package of the failing set at its version. */
        public Builder bad(String name, String version) {
            bad.put(name, version);
            return this;
        }

        /** Sets the architecture (default: the failing builds'). */
        public Builder arch(String value) {
            this.arch = value;
            return this;
        }

        /** Sets the install root template ({@code {n}} for one root per probe). */
        public Builder root(String template) {
            this.rootTemplate = template;
            return this;
        }

        /** Sets how many probes run at once (default 1). */
        public Builder probes(int k) {
            this.probes = k;
            return this;
        }

        /** Sets how many confirmation runs the culprit and its parent get (default 3). */
        public Builder confirm(int m) {
            this.confirm = m;
            return this;
        }

        /** Makes the build and commit levels use the flaky-aware search from the start (default: on disagreement). */
        public Builder flaky(boolean value) {
            this.flaky = value;
            return this;
        }

        /** Sets the posterior the flaky-aware search's culprit must reach (default 0.99). */
        public Builder confidence(double p) {
            this.confidence = p;
            return this;
        }

        /** Sets the flaky-aware search's run budget per level (default 1000). */
        public Builder maxRuns(int n) {
            this.maxRuns = n;
            return this;
        }

        /** Names a package's upstream git repository for the commit level. */
        public Builder source(String packageName, Path repository) {
            sources.put(packageName, repository);
            return this;
        }

        /** Sets the upstream repositories fetched when the commit level starts (default: none). */
        public Builder upstream(UpstreamSources value) {
            this.upstream = value;
            return this;
        }

        /** Sets the commit level's probe. */
        public Builder commitProber(CommitProber value) {
            this.commitProber = value;
            return this;
        }

        /** Sets the tag template of upstream versions, {@code %{version}} replaced by a build's version. */
        public Builder tagTemplate(String value) {
            this.tagTemplate = value;
            return this;
        }

        /** Names the upstream revisions of the last good and first bad build (either may be null). */
        public Builder revisions(String goodValue, String badValue) {
            this.goodRevision = goodValue;
            this.badRevision = badValue;
            return this;
        }

        /** Sets the state file. */
        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        /** Sets the process runner. */
        public Builder runner(ProcessRunner value) {
            this.runner = value;
            return this;
        }

        /**
         * Sets what tests a set for the reproduction, the package and build levels and the final
         * restore (default: {@link SetTester#local()}, this machine's install roots).
         */
        public Builder testers(SetTester.Factory value) {
            this.testers = value;
            return this;
        }

        /** Returns the request. */
        public HuntRequest build() {
            return new HuntRequest(archive, good, bad, arch, install, suite, rootTemplate, probes, confirm, flaky, confidence,
                    maxRuns, sources, upstream,
                    commitProber, tagTemplate, goodRevision, badRevision, stateFile, workDirectory, runner, testers);
        }
    }
}
