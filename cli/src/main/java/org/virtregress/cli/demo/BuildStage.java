package org.virtregress.cli.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.BuildBisection;
import org.virtregress.bisect.Candidate;
import org.virtregress.bisect.Outcome;
import org.virtregress.repo.Archive;
import org.virtregress.repo.ArchivedBuild;
import org.virtregress.repo.Build;

/**
 * The first level of the culprit search: bisects the archived builds between a build that passed
 * and one that failed, each probe installing an archived package into a fresh root and booting
 * the guest. The newest build already failed on the test host, so its end is not tested again;
 * a probe that fails differently counts as skip.
 */
final class BuildStage {
    private final DemoContext context;

    BuildStage(DemoContext context) {
        this.context = context;
    }

    /**
     * What the bisection over builds found.
     *
     * @param bisection the bisection's result
     * @param lastGood the newest build that passed, or null when it was not narrowed to one
     * @param firstBad the oldest build that failed, or null when it was not narrowed to one
     * @param report its part of the report
     */
    record Result(BisectResult bisection, Build lastGood, Build firstBad,
                  org.virtregress.report.BuildBisection report) {
    }

    /**
     * Bisects the archived builds from {@code good} to {@code bad}.
     *
     * @param archive the archive
     * @param good a build that passed
     * @param bad a newer build that failed
     * @param signature the failure signature the bad build showed
     * @return what it found
     * @throws IOException if the archive or the state file cannot be read or written
     * @throws InterruptedException if interrupted; running probes are killed
     */
    Result run(Archive archive, Build good, Build bad, String signature) throws IOException, InterruptedException {
        List<ArchivedBuild> chain = archive.builds(DemoPackager.PACKAGE).stream()
                .filter(a -> a.build().compareVersion(good) >= 0 && a.build().compareVersion(bad) <= 0).toList();
        Map<String, ArchivedBuild> byId = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (ArchivedBuild a : chain) {
            byId.put(a.build().evr(), a);
            candidates.add(new Candidate(a.build().evr(), a.build().checksum().value(), a.build().nevra()));
        }
        context.progress().step("bisecting " + (chain.size() - 1) + " archived builds after " + good.evr()
                + " (good) up to " + bad.evr() + " (bad), " + context.settings().probes() + " probes at a time");
        ProbeLog log = new ProbeLog(context.progress(), id -> byId.containsKey(id) ? byId.get(id).build().nevra() : id, 0);
        DemoProbe probe = context.probe(c -> new DemoProbe.CandidatePackage(c.id(), archive.file(byId.get(c.id()))),
                "builds");
        BisectResult result = Bisector.builder().probes(context.settings().probes()).confirm(0).checkBadEnd(false)
                .expectedSignature(signature).stateFile(context.workdir().resolve("bisect-builds.json"))
                .listener(log).build().run(BuildBisection.ofCandidates(candidates), probe);
        Build firstBad = null;
        Build lastGood = null;
        if (result.outcome() == Outcome.COMPLETE && result.culprit() != null) {
            int index = chain.indexOf(byId.get(result.culprit().id()));
            firstBad = chain.get(index).build();
            lastGood = chain.get(index - 1).build();
            context.progress().step("first bad build " + firstBad.nevra() + " (commit "
                    + DemoProgress.abbreviate(firstBad.sourceCommit()) + "), last good " + lastGood.nevra()
                    + " (commit " + DemoProgress.abbreviate(lastGood.sourceCommit()) + ")");
        } else {
            context.progress().step("bisection over builds: " + result.outcome() + ": " + result.reason());
        }
        return new Result(result, lastGood, firstBad,
                DemoReport.builds(DemoPackager.PACKAGE, result, lastGood, firstBad, log));
    }
}
