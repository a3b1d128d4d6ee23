package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.ProbeRecord;

/**
 * The report's section on the bisection over archived package builds: which build first brought
 * the failure.
 *
 * @param packageName the package whose builds were bisected
 * @param candidateCount how many builds the range held before the first probe
 * @param lastGood the newest build that passed, or null when none did
 * @param firstBad the oldest build that failed
 * @param probes the builds probed, in order; their candidate is the build version
 * @param confidence the figures of a probabilistic bisection (an intermittent failure), or null
 * @param confirmation the confirmation runs (the last good build, then the first bad one), or null when none ran
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildBisectionSection(String packageName, int candidateCount, Build lastGood, Build firstBad, List<ProbeRow> probes,
                             Confidence confidence, Confirmation confirmation) {
    /** Normalizes absent probes to an empty list. */
    public BuildBisectionSection {
        probes = Lists.copy(probes);
    }

    /** Creates the report of a deterministic bisection, which has no {@link Confidence}, without confirmation runs. */
    public BuildBisectionSection(String packageName, int candidateCount, Build lastGood, Build firstBad, List<ProbeRow> probes) {
        this(packageName, candidateCount, lastGood, firstBad, probes, null, null);
    }

    /**
     * A build at one end of the range.
     *
     * @param version the full version
     * @param sourceCommit the upstream commit it was built from, or null when unknown
     */
    public record Build(String version, String sourceCommit) {
        /**
         * Describes a repository build at one end of the range.
         *
         * @param build the build, or {@code null}
         * @return its version and source commit, or {@code null} when the build is
         */
        public static Build from(org.virtregress.repo.Build build) {
            return build == null ? null : new Build(build.evr(), build.sourceCommit());
        }
    }

    /**
     * Reports a bisection of package builds.
     *
     * @param packageName the package whose builds were bisected
     * @param result the bisection's result
     * @param lastGood the last good build, or {@code null} when unknown
     * @param firstBad the first bad build, or {@code null} when unknown
     * @param subjects names a candidate by its id for people (usually the build's version)
     * @param remaining how many candidates were left after a probe, or {@code null} when unknown
     * @return the report, with the {@link Confidence} of a probabilistic bisection and the
     *     {@link Confirmation} of a deterministic one
     */
    public static BuildBisectionSection from(String packageName, BisectResult result, org.virtregress.repo.Build lastGood,
                                      org.virtregress.repo.Build firstBad, Function<String, String> subjects,
                                      Function<ProbeRecord, Integer> remaining) {
        return new BuildBisectionSection(packageName, result.candidates(), Build.from(lastGood), Build.from(firstBad),
                ProbeRow.from(result.probes(), subjects, remaining), Confidence.from(result), Confirmation.from(result));
    }
}
