package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.virtregress.bisect.ProbeRecord;

/**
 * A row of the report's probe table: one probe of a bisection, a candidate (a commit or a package
 * build) built, installed and tested.
 *
 * @param round the round it belongs to, from 1; several probes may share a round when run in parallel
 * @param candidate the commit hash, or the build version in a bisection over builds
 * @param subject the commit subject or build name, or null
 * @param verdict the verdict
 * @param runs how many times the test ran on this candidate
 * @param duration the time the probe took (build, install and test), or null
 * @param log a reference to the probe's log: a URL or a path relative to the report, or null
 * @param remaining how many candidates remained after this probe, or null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeRow(int round, String candidate, String subject, Verdict verdict, int runs, Duration duration,
                    String log, Integer remaining) {
    /** Requires a candidate and a verdict. */
    public ProbeRow {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** The verdict of a probe. */
    public enum Verdict {
        /** The failure did not show: the regression came later. */
        GOOD,
        /** The failure showed: the regression is here or earlier. */
        BAD,
        /** The candidate could not be tested (build or install failed); it stays in the range. */
        SKIP,
        /** The runs disagreed (some passed, some failed); counted with low confidence. */
        WEAK
    }

    /**
     * Reports one probe of a bisection.
     *
     * @param record the probe as the bisection recorded it
     * @param subject names the candidate for people (a commit's subject, a build's version)
     * @param remaining how many candidates were left after it, or {@code null} when unknown
     * @return the probe, its round at least 1
     */
    public static ProbeRow from(ProbeRecord record, String subject, Integer remaining) {
        return new ProbeRow(Math.max(1, record.round()), record.candidate(), subject,
                Verdict.valueOf(record.verdict().name()), record.runs(), record.duration(), record.logRef(), remaining);
    }

    /**
     * Reports the probes of a bisection, in order.
     *
     * @param records the probes as the bisection recorded them
     * @param subjects names a candidate by its id for people
     * @param remaining how many candidates were left after a probe, or {@code null} when unknown
     * @return the probes
     */
    public static List<ProbeRow> from(List<ProbeRecord> records, Function<String, String> subjects,
                                   Function<ProbeRecord, Integer> remaining) {
        List<ProbeRow> probes = new ArrayList<>();
        for (ProbeRecord record : records) {
            probes.add(from(record, subjects.apply(record.candidate()), remaining.apply(record)));
        }
        return probes;
    }
}
