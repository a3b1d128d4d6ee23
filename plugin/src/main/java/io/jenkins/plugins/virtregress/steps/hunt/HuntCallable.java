package io.jenkins.plugins.virtregress.steps.hunt;

import edu.umd.cs.findbugs.annotations.SuppressFBWarnings;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;
import org.virtregress.hunt.CommandCommitProber;
import org.virtregress.hunt.Hunt;
import org.virtregress.hunt.HuntRequest;
import org.virtregress.hunt.HuntResult;
import org.virtregress.hunt.InstallSettings;
import org.virtregress.hunt.SuiteLauncher;
import org.virtregress.install.Installer;
import org.virtregress.install.Installers;
import org.virtregress.net.Credentials;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.repo.Archive;
import org.virtregress.report.RegressionReport;
import org.virtregress.storage.Json;
import org.virtregress.suite.ResultFormat;
import org.virtregress.suite.ResultsSource;
import org.virtregress.suite.SuiteDefinition;
import org.virtregress.suite.SuiteRunner;

/**
 * Runs a whole hunt on the build's node: opens the archive, keeps the packages of the last good and
 * the failing set that the archive holds, and lets the engine's {@link Hunt} probe every candidate
 * with the build's own install and suite settings. The suite runs in the workspace, as
 * {@code guestTests} runs it; the probes' logs and the state file live in {@value #DIRECTORY} there,
 * so a hunt of the same sets run again resumes where it stopped. With a {@link ProbeDispatch}, the
 * probes of the reproduction, package and build levels and the final restore go to the controller,
 * which runs them on the nodes of the build's label ({@link AgentProbes}); the commit level stays here.
 */
final class HuntCallable extends MasterToSlaveFileCallable<HuntCallable.Outcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The directory of the hunt's probes and state in the workspace. */
    static final String DIRECTORY = "virt-regress-hunt";

    private final String archive;
    private final Map<String, String> good;
    private final Map<String, String> bad;
    private final HuntSettings settings;
    private final List<RepositoryTarget> repositories;
    private final List<UpstreamTarget> upstream;
    private final boolean allowFile;
    private final Map<String, String> environment;
    private final String title;
    private final String jobName;
    private final String runId;
    private final TaskListener listener;
    /** The controller's dispatch as Remoting exports it: a serializable proxy, or null. */
    @SuppressFBWarnings(value = "SE_BAD_FIELD", justification = "set only to the proxy that"
            + " VirtualChannel.export returns, which Remoting serializes as a reference to the controller's object")
    private final ProbeDispatch dispatch;

    /**
     * What the controller keeps of a hunt: its report and the summary of its verdict.
     *
     * @param report the {@link RegressionReport} with every level, as JSON
     * @param ending how the hunt ended ({@link HuntResult.Ending})
     * @param found whether the hunt named a culprit
     * @param line the verdict line of the build description
     * @param culprit the culprit build as {@code NAME EVR}, or null
     * @param confidence how the culprit was confirmed, or null when none was named
     * @param message the hunt's one-sentence explanation
     * @param candidates how many archived builds the build level bisected
     * @param probes how many probes ran or were replayed
     * @param replayed how many verdicts were read from the state file
     */
    record Outcome(String report, String ending, boolean found, String line, String culprit, String confidence,
            String message,
            int candidates, int probes, int replayed) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    HuntCallable(String archive, Map<String, String> good, Map<String, String> bad, HuntSettings settings,
            List<RepositoryTarget> repositories, List<UpstreamTarget> upstream, boolean allowFile,
            Map<String, String> environment, String title, String jobName, String runId, TaskListener listener,
            ProbeDispatch dispatch) {
        this.archive = archive;
        this.good = new LinkedHashMap<>(good);
        this.bad = new LinkedHashMap<>(bad);
        this.settings = settings;
        this.repositories = List.copyOf(repositories);
        this.upstream = List.copyOf(upstream);
        this.allowFile = allowFile;
        this.environment = new LinkedHashMap<>(environment);
        this.title = title;
        this.jobName = jobName;
        this.runId = runId;
        this.listener = listener;
        this.dispatch = dispatch;
    }

    @Override
    public Outcome invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        Path directory = Path.of(archive);
        if (!Files.isRegularFile(directory.resolve(Archive.INDEX))) {
            throw new IOException("No archive at " + archive + " (no " + Archive.INDEX + "): turn archiving on in the"
                    + " package repository trigger, so that the hunt has the builds to probe.");
        }
        Archive opened = Archive.open(directory);
        Path work = workspace.toPath().resolve(DIRECTORY);
        Files.createDirectories(work);
        ProcessRunner runner = new ProcessRunner();
        InstallSettings install = installSettings(runner);
        if (settings.probes() > 1 && settings.results() != null) {
            throw new IOException("Suite " + settings.suite() + ": probes above 1 need TAP on standard output, since"
                    + " every probe runs in the workspace and result files " + settings.results()
                    + " would be shared.");
        }
        HuntRequest.Builder request = HuntRequest.builder(directory, install, launcher(workspace.toPath()), work)
                .root(settings.root() == null ? null : workspace.toPath().resolve(settings.root()).toString())
                .probes(settings.probes()).confirm(settings.confirm()).stateFile(work.resolve(stateName()))
                .runner(runner);
        if (dispatch != null) {
            // the first two levels' probes and the final restore run on the nodes of the build's label
            request.testers((hunt, probes) -> new DispatchSetTester(dispatch));
        }
        if (!settings.commitProbe().isEmpty()) {
            // the commit level: the culprit package's repository is cloned into the workspace when it starts
            request.upstream(new NodeUpstreamSources(upstream, work.resolve("upstream"), allowFile, runner))
                    .commitProber(new CommandCommitProber(settings.commitProbe(),
                            Duration.ofMinutes(settings.timeoutMinutes()), work.resolve("commits")));
        }
        Map<String, String> goodArchived = archived(opened, good);
        if (goodArchived.isEmpty()) {
            throw new IOException("None of the last good build's packages " + good.keySet() + " has builds in the"
                    + " archive " + archive + ": the trigger archives only the packages it polls.");
        }
        goodArchived.forEach(request::good);
        archived(opened, bad).forEach(request::bad);
        Hunt hunt = new Hunt(request.build(), line -> {
            synchronized (log) {
                log.println("hunt: " + line);
            }
        });
        HuntResult result = hunt.run();
        RegressionReport report = hunt.report().fill(RegressionReport.builder(title, Instant.now())
                .job(jobName, runId)).build();
        HuntResult.BuildLevel builds = result.builds();
        String culprit = builds == null || builds.firstBad() == null ? null
                : builds.firstBad().name() + " " + builds.firstBad().evr();
        return new Outcome(Json.mapper().writeValueAsString(report), result.ending().name(), result.ending().found(),
                HuntDescription.of(result), culprit, confidence(result), result.message(),
                builds == null ? 0 : builds.candidates().size(), result.probesRun() + result.probesReplayed(),
                result.probesReplayed());
    }

    /**
     * Returns how the probes install: the build's package manager, and its further repositories with
     * the credentials its install used (handed to the package manager in a private file per probe).
     */
    private InstallSettings installSettings(ProcessRunner runner) throws IOException {
        try {
            return installSettings(Installers.forManager(settings.manager(), runner), repositories, settings);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Returns the install settings of the probes.
     *
     * @param installer the build's package manager
     * @param repositories the further repositories as the install step resolved them
     * @param settings the hunt's settings
     * @return the settings, each repository with its credentials
     */
    static InstallSettings installSettings(Installer installer, List<RepositoryTarget> repositories,
            HuntSettings settings) {
        List<String> urls = new ArrayList<>();
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        for (RepositoryTarget repository : repositories) {
            urls.add(repository.spec());
            if (repository.credentials() != null) {
                credentials.put(repository.spec(), new Credentials(repository.credentials().username(),
                        repository.credentials().password()));
            }
        }
        return new InstallSettings(installer, urls, settings.gpgCheck(),
                Duration.ofMinutes(settings.installTimeoutMinutes()), null, credentials);
    }

    /**
     * Names the state file after what is hunted, so that a hunt of the same sets and settings resumes
     * and another one (the next failing build) starts a file of its own.
     */
    private String stateName() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String what = archive + "\n" + good + "\n" + bad + "\n" + settings;
            return "hunt-state-" + HexFormat.of().formatHex(digest.digest(what.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 16) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private String confidence(HuntResult result) {
        if (!result.ending().found()) {
            return null;
        }
        return settings.confirm() == 0 ? "not confirmed (confirm: 0)"
                : "parent and culprit rerun " + settings.confirm() + " times at each level";
    }

    /** Keeps the packages the archive holds builds of: the others never changed through a poll. */
    private static Map<String, String> archived(Archive archive, Map<String, String> set) {
        Map<String, String> kept = new LinkedHashMap<>();
        set.forEach((name, version) -> {
            if (!archive.builds(name).isEmpty()) {
                kept.put(name, version);
            }
        });
        return kept;
    }

    /** Runs the suite in the workspace, as {@code guestTests} does, with each probe's logs kept apart. */
    private SuiteLauncher launcher(Path workspace) {
        return launcher(settings, environment, workspace);
    }

    /**
     * Returns how a probe runs the build's suite: in the workspace, as {@code guestTests} does, with
     * the build's environment and each probe's logs kept apart.
     *
     * @param settings the hunt's settings
     * @param environment the build's environment
     * @param workspace the workspace on the probe's node
     * @return the launcher
     */
    static SuiteLauncher launcher(HuntSettings settings, Map<String, String> environment, Path workspace) {
        ResultFormat format = ResultFormat.fromName(settings.format());
        String suiteName = settings.suite();
        SuiteRunner runner = new SuiteRunner();
        return (installRoot, work) -> {
            SuiteDefinition.Builder suite = SuiteDefinition.builder(suiteName, settings.command())
                    .timeout(Duration.ofMinutes(settings.timeoutMinutes()))
                    .workingDirectory(workspace).logDirectory(work).env(environment)
                    .env("VIRT_REGRESS_ROOT", installRoot == null ? "/" : installRoot.toString());
            suite.results(settings.results() == null ? ResultsSource.stdout() : ResultsSource.files(settings.results()),
                    format);
            return runner.run(suite.build(), OutputListener.NONE);
        };
    }
}
