package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The bisection over archived package builds: which build first brought the failure.
 *
 * @param packageName the package whose builds were bisected
 * @param candidateCount how many builds the range held before the first probe
 * @param lastGood the newest build that passed, or null when none did
 * @param firstBad the oldest build that failed
 * @param probes the builds probed, in order; their candidate is the build version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildBisection(String packageName, int candidateCount, Build lastGood, Build firstBad, List<Probe> probes) {
    /** Normalizes absent probes to an empty list. */
    public BuildBisection {
        probes = Lists.copy(probes);
    }

    /**
     * A build at one end of the range.
     *
     * @param version the full version
     * @param sourceCommit the upstream commit it was built from, or null when unknown
     */
    public record Build(String version, String sourceCommit) {
    }
}
