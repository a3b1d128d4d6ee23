package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.AbstractProject;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Label;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.triggers.Trigger;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.RepositoryCredentials;
import io.jenkins.plugins.virtregress.config.UpstreamSource;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.model.GuestTestsAction;
import io.jenkins.plugins.virtregress.model.InstalledPackagesAction;
import io.jenkins.plugins.virtregress.model.ReportAction;
import io.jenkins.plugins.virtregress.model.ResultFile;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import jenkins.model.ParameterizedJobMixIn;
import org.virtregress.report.InstallRecord;
import org.virtregress.report.RegressionReport;
import org.virtregress.storage.Json;

/**
 * The hunt both the Pipeline step {@code huntRegression} and the freestyle post-build action run:
 * the failing set is what this build installed, the last good set what the newest earlier build
 * whose suite of the same name passed installed, the candidates the builds the job's package
 * repository trigger archived. The hunt runs in one call on the build's node, where the archive
 * is; when the step or action names a label (or a freestyle job is restricted to one) that two or
 * more online nodes carry, the probes of the reproduction, package and build levels run on those
 * nodes ({@link AgentProbes}). Its verdict is
 * a report action on the build and a line in its description.
 */
public final class HuntRegression {
    /** How many earlier builds are read to find the last good one. */
    static final int HISTORY_LIMIT = 200;

    private HuntRegression() {
    }

    /**
     * Runs the hunt.
     *
     * @param run the failing build
     * @param workspace the build's workspace, on the node the probes run on
     * @param env the build's environment, passed to the suite
     * @param listener the build log
     * @param settings the install and suite settings the probes re-run
     * @param label the label expression the first two levels' probes spread over, or null: then a
     *     freestyle job's own label, else none (every probe on the build's node)
     * @return the hunt's verdict
     * @throws IOException on a missing input (no failing suite, no last good build, no archive) or a
     *     label that is not a label expression
     * @throws InterruptedException if the build is aborted
     */
    static HuntCallable.Outcome run(Run<?, ?> run, FilePath workspace, EnvVars env, TaskListener listener,
            HuntSettings settings, String label) throws IOException, InterruptedException {
        Label probeLabel = ProbeLabel.parse(ProbeLabel.expression(label, assignedLabel(run.getParent())),
                Label::parseExpression).orElse(null);
        String suite = settings.suite() != null ? settings.suite() : failingSuite(run);
        Map<String, String> bad = installed(run);
        if (bad.isEmpty()) {
            throw new AbortException("huntRegression: build " + run.getFullDisplayName()
                    + " installed no packages with installPackages: the hunt has no failing set.");
        }
        List<HuntHistory.BuildRecord> history = history(run, suite);
        HuntHistory.BuildRecord good = HuntHistory.lastGood(history, suite, run.getNumber())
                .orElseThrow(() -> new AbortException("huntRegression: "
                        + HuntHistory.noGoodBuild(suite, run.getNumber(), history.size())));
        String archive = archive(run.getParent(), workspace);
        listener.getLogger().println("huntRegression: suite " + suite + ", last good build #" + good.number() + " "
                + good.installed() + ", failing set " + bad + ", archive " + archive);
        HuntSettings chosen = new HuntSettings(suite, settings.command(), settings.format(), settings.results(),
                settings.timeoutMinutes(), settings.manager(), settings.root(), settings.repositories(),
                settings.gpgCheck(), settings.installTimeoutMinutes(), settings.probes(), settings.confirm(),
                settings.commitProbe());
        // the build's install resolved its repositories and credentials so: the probes do the same
        List<RepositoryTarget> repositories = InstallPackagesBuilder.installRepositories(settings.repositories(), run);
        String title = "Regression hunt of " + suite + " in " + run.getFullDisplayName();
        List<UpstreamTarget> upstream = upstream(run, bad.keySet(), settings, listener);
        // with two or more nodes of the label, the first two levels' probes are spread over them
        ProbeDispatch dispatch = AgentProbes.of(probeLabel, run.getParent(), workspace, chosen, repositories, env,
                listener)
                .map(probes -> workspace.getChannel().export(ProbeDispatch.class, probes)).orElse(null);
        HuntCallable.Outcome outcome = workspace.act(new HuntCallable(archive, good.installed(), bad, chosen,
                repositories, upstream, VirtRegressConfiguration.get().isAllowFileRepositories(), env, title,
                run.getParent().getFullName(), run.getId(), listener, dispatch));
        RegressionReport report = Json.mapper().readValue(outcome.report(), RegressionReport.class);
        record(run, outcome, report);
        String line = outcome.line();
        listener.getLogger().println("huntRegression: " + line);
        String description = run.getDescription();
        run.setDescription(description == null || description.isBlank() ? line : description + "\n" + line);
        return outcome;
    }

    /**
     * Resolves the upstream sources of the failing set's packages, each with the credentials the
     * build's authentication finds for it; none without a commit probe, since the hunt then ends at
     * the build.
     */
    static List<UpstreamTarget> upstream(Run<?, ?> run, Collection<String> packages, HuntSettings settings,
            TaskListener listener) throws AbortException {
        List<UpstreamTarget> targets = new ArrayList<>();
        if (settings.commitProbe().isEmpty()) {
            listener.getLogger().println("huntRegression: no commitProbe given: the hunt ends at the culprit build.");
            return targets;
        }
        VirtRegressConfiguration configuration = VirtRegressConfiguration.get();
        for (String name : packages) {
            Optional<UpstreamSource> source = configuration.findUpstreamSource(name);
            if (source.isPresent()) {
                Optional<String> problem = FieldChecks.upstreamUrl(source.get().getUrl(),
                        configuration.isAllowFileRepositories());
                if (problem.isPresent()) {
                    throw new AbortException("huntRegression: the upstream source of " + name + ": " + problem.get());
                }
                targets.add(new UpstreamTarget(name, source.get().getUrl(),
                        RepositoryCredentials.lookup(source.get(), run), source.get().getTagTemplate()));
            }
        }
        return targets;
    }

    /** Returns the label a freestyle job is restricted to, as an expression; null for any other job. */
    private static String assignedLabel(Job<?, ?> job) {
        return job instanceof AbstractProject<?, ?> project ? project.getAssignedLabelString() : null;
    }

    /** Returns the newest failed suite of the build. */
    private static String failingSuite(Run<?, ?> run) throws AbortException {
        List<GuestTestsAction> suites = run.getActions(GuestTestsAction.class);
        for (int i = suites.size() - 1; i >= 0; i--) {
            if (!"PASSED".equals(suites.get(i).getStatus())) {
                return suites.get(i).getSuite();
            }
        }
        throw new AbortException("huntRegression: build " + run.getFullDisplayName()
                + " has no failed guestTests suite to hunt.");
    }

    /** Reads the builds before this one, newest first, up to {@link #HISTORY_LIMIT}. */
    private static List<HuntHistory.BuildRecord> history(Run<?, ?> run, String suite) {
        List<HuntHistory.BuildRecord> records = new ArrayList<>();
        Run<?, ?> earlier = run.getPreviousBuild();
        for (int n = 0; earlier != null && n < HISTORY_LIMIT; n++, earlier = earlier.getPreviousBuild()) {
            Optional<GuestTestsAction> tests = newest(earlier, suite);
            if (tests.isPresent()) {
                boolean passed = "PASSED".equals(tests.get().getStatus());
                // only a passing build's installs are read: the others cannot be the last good set
                records.add(new HuntHistory.BuildRecord(earlier.getNumber(), suite, passed,
                        passed ? installed(earlier) : Map.of()));
            }
        }
        return records;
    }

    private static Optional<GuestTestsAction> newest(Run<?, ?> run, String suite) {
        List<GuestTestsAction> all = run.getActions(GuestTestsAction.class).stream()
                .filter(a -> suite.equals(a.getSuite())).toList();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Returns what a build left installed: its installs' final versions, the later install winning. */
    static Map<String, String> installed(Run<?, ?> run) {
        Map<String, String> set = new TreeMap<>();
        for (InstalledPackagesAction action : run.getActions(InstalledPackagesAction.class)) {
            RegressionReport report = action.isSuccess() ? action.getReport() : null;
            InstallRecord install = report == null ? null : report.install();
            if (install != null) {
                install.after().forEach((name, version) -> {
                    if (!version.isBlank() && !version.contains(",") && !version.contains(" ")) {
                        set.put(name, version);
                    }
                });
            }
        }
        return set;
    }

    /**
     * Finds the archive of the job's package repository trigger where the trigger keeps it (see
     * {@link PackageRepositoryTrigger#archiveOnNode}); the hunt must run on the node that polls.
     */
    private static String archive(Job<?, ?> job, FilePath workspace) throws AbortException {
        PackageRepositoryTrigger trigger = null;
        if (job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> parameterized) {
            for (Trigger<?> each : parameterized.getTriggers().values()) {
                if (each instanceof PackageRepositoryTrigger found) {
                    trigger = found;
                }
            }
        }
        if (trigger == null || !trigger.isArchiving()) {
            throw new AbortException("huntRegression: job " + job.getFullName() + " has no package repository"
                    + " trigger with an archive" + (trigger == null ? "" : " (archiving is turned off)")
                    + ": turn archiving on in the trigger, so that the hunt has builds to probe.");
        }
        String where = nodeName(workspace);
        String polling = trigger.getAgent() == null ? "" : trigger.getAgent();
        if (!polling.equals(where)) {
            throw new AbortException("huntRegression: the archive is on " + (polling.isEmpty() ? "the controller"
                    : "node " + polling) + ", where the trigger polls, but the build runs on "
                    + (where.isEmpty() ? "the built-in node" : "node " + where) + ": run the hunt where the trigger"
                    + " polls, or poll on this build's node.");
        }
        return trigger.archiveOnNode(job);
    }

    /** Returns the name of the workspace's node, the empty string for the built-in node. */
    private static String nodeName(FilePath workspace) {
        if (!workspace.isRemote()) {
            return "";
        }
        Computer computer = workspace.toComputer();
        return computer == null ? "?" : computer.getName();
    }

    private static void record(Run<?, ?> run, HuntCallable.Outcome outcome, RegressionReport report)
            throws IOException {
        String id = ReportAction.nextId(run, "virt-regress-hunt");
        ResultFile.write(run.getRootDir().toPath(), id, report);
        run.addAction(new BisectReportAction(id, outcome.ending(), outcome.culprit(),
                outcome.found() ? outcome.line() : null, outcome.confidence(),
                outcome.message(), outcome.candidates(), outcome.probes(), outcome.replayed()));
    }
}
