package org.virtregress.cli.demo;

import java.io.IOException;
import java.util.List;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectRangeException;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.CommitGraph;
import org.virtregress.repo.Build;

/**
 * The second level of the culprit search: git-bisects the upstream commits between the source
 * commits of the last good and the first bad build. A probe builds the package at the commit with
 * rpmbuild, installs it into a fresh root with dnf and boots the guest; a probe that fails
 * differently counts as skip. The culprit is then confirmed: its parent must pass and it must fail
 * the configured number of times.
 */
final class CommitStage {
    private final DemoContext context;
    private final UpstreamProject project;
    private final DemoPackager packager;

    CommitStage(DemoContext context, UpstreamProject project, DemoPackager packager) {
        this.context = context;
        this.project = project;
        this.packager = packager;
    }

    /**
     * What the bisection over commits found.
     *
     * @param bisection the bisection's result
     * @param report its part of the report
     */
    record Result(BisectResult bisection, org.virtregress.report.CommitBisection report) {
    }

    /**
     * Bisects the commits between two builds' source commits.
     *
     * @param lastGood the last build that passed
     * @param firstBad the first build that failed
     * @param signature the failure signature the bad build showed
     * @return what it found
     * @throws IOException if a build names no source commit, the repository cannot be read, or the
     *     state file cannot be written
     * @throws InterruptedException if interrupted; running probes are killed
     */
    Result run(Build lastGood, Build firstBad, String signature) throws IOException, InterruptedException {
        if (lastGood.sourceCommit() == null || firstBad.sourceCommit() == null) {
            throw new IOException("the builds " + lastGood.nevra() + " and " + firstBad.nevra()
                    + " do not both name their source commit");
        }
        DemoSettings settings = context.settings();
        try (CommitGraph graph = CommitGraph.open(project.directory())) {
            String good = graph.resolve(lastGood.sourceCommit());
            String bad = graph.resolve(firstBad.sourceCommit());
            BisectRange range = graph.range(List.of(good), bad, List.of(), false);
            context.progress().step("bisecting " + range.size() + " commits after " + DemoProgress.abbreviate(good)
                    + " up to " + DemoProgress.abbreviate(bad) + ", " + settings.probes()
                    + " probes at a time, confirming " + settings.confirm()
                    + " times (probe: rpmbuild at the commit, dnf install, boot the guest)");
            ProbeLog log = new ProbeLog(context.progress(), id -> DemoProgress.abbreviate(id) + " " + subject(id),
                    settings.confirm());
            DemoProbe probe = context.probe(c -> {
                UpstreamCommit commit = project.byHash(c.id());
                return new DemoProbe.CandidatePackage(commit.version() + "-" + DemoPackager.RELEASE,
                        packager.build(commit));
            }, "commits");
            BisectResult result = Bisector.builder().probes(settings.probes()).confirm(settings.confirm())
                    .checkBadEnd(false).expectedSignature(signature)
                    .stateFile(context.workdir().resolve("bisect-commits.json"))
                    .listener(log).build().run(range, probe);
            context.progress().step("bisection over commits: " + result.outcome() + ": " + result.reason());
            return new Result(result, DemoReport.commits(project.directory().toUri().toString(), result, log,
                    this::subject));
        } catch (BisectRangeException e) {
            throw new IOException("cannot bisect the upstream commits: " + e.getMessage(), e);
        }
    }

    private String subject(String hash) {
        return project.commits().stream().filter(c -> c.hash().equals(hash)).map(UpstreamCommit::subject)
                .findFirst().orElse("");
    }
}
