package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.ProbeRecord;

/**
 * The report's section on which package broke the suite when several changed in one update: the
 * updates applied one package at a time, in order, each step's verdict, the package named and its
 * confirmation. Step {@code n} is the last good set with the first {@code n} updates applied; the
 * first bad step names the package.
 *
 * @param steps the updates in the order they were applied; each step's verdict is that of the set after it
 * @param outcome how the bisection over the steps ended
 * @param message why it ended that way, for outcomes other than complete; or null
 * @param culprit the package whose update broke the suite, or null when not found
 * @param probes every probe of the steps, the confirmation runs last; a probe's candidate is its step number
 * @param confirmation the confirmation runs (the step before the culprit's, then the culprit's), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PackageUpdateSection(List<Step> steps, CommitBisection.Outcome outcome, String message, String culprit,
                                   List<ProbeRow> probes, Confirmation confirmation) {
    /** Requires an outcome and normalizes absent lists to empty ones. */
    public PackageUpdateSection {
        Objects.requireNonNull(outcome, "outcome");
        steps = Lists.copy(steps);
        probes = Lists.copy(probes);
    }

    /**
     * One update of the order.
     *
     * @param step its position, from 1
     * @param packageName the package updated
     * @param from its version in the last good set, or null when it was not installed
     * @param to its version in the failing set, or null when the update removes it
     * @param verdict the verdict of the set after this update: the one its probes agree on (skips
     *     aside), weak when they disagree, skip when none could test it, null when it was not probed
     * @param runs how many probes ran on that set
     */
    public record Step(int step, String packageName, String from, String to, ProbeRow.Verdict verdict, int runs) {
        /** Requires the package. */
        public Step {
            Objects.requireNonNull(packageName, "packageName");
        }
    }

    /**
     * Reports the package level of a hunt.
     *
     * @param order the changed packages in the order they were applied
     * @param good every package's version in the last good set
     * @param bad every package's version in the failing set
     * @param result the bisection over the steps, whose candidates are the step numbers ({@code "0"}
     *     for the last good set)
     * @param culprit the package named, or {@code null}
     * @param subjects names a step by its candidate id for people
     * @param remaining how many steps were left after a probe, or {@code null} when unknown
     * @return the section
     */
    public static PackageUpdateSection from(List<String> order, Map<String, String> good, Map<String, String> bad,
                                            BisectResult result, String culprit, Function<String, String> subjects,
                                            Function<ProbeRecord, Integer> remaining) {
        List<ProbeRecord> all = new ArrayList<>(result.probes());
        all.addAll(result.confirmation());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String id = Integer.toString(i + 1);
            List<ProbeRecord> runs = all.stream().filter(r -> r.candidate().equals(id)).toList();
            String name = order.get(i);
            steps.add(new Step(i + 1, name, good.get(name), bad.get(name), agreed(runs), runs.size()));
        }
        CommitBisection.Outcome outcome = CommitBisection.Outcome.valueOf(result.outcome().name());
        return new PackageUpdateSection(steps, outcome, outcome == CommitBisection.Outcome.COMPLETE ? null
                : result.reason(), culprit, ProbeRow.from(all, subjects, remaining), Confirmation.from(result));
    }

    /** Returns the step that names the culprit package, or {@code null}. */
    public Step culpritStep() {
        return culprit == null ? null : steps.stream().filter(s -> s.packageName().equals(culprit)).findFirst()
                .orElse(null);
    }

    private static ProbeRow.Verdict agreed(List<ProbeRecord> runs) {
        if (runs.isEmpty()) {
            return null;
        }
        List<ProbeRow.Verdict> verdicts = runs.stream().map(r -> ProbeRow.Verdict.valueOf(r.verdict().name()))
                .filter(v -> v != ProbeRow.Verdict.SKIP).distinct().toList();
        if (verdicts.isEmpty()) {
            return ProbeRow.Verdict.SKIP;
        }
        return verdicts.size() == 1 ? verdicts.get(0) : ProbeRow.Verdict.WEAK;
    }
}
