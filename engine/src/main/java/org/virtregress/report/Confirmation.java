package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The runs that confirm a culprit: the culprit's parent must pass every time, the culprit fail every time.
 *
 * @param parentRuns the verdict of each run on the parent
 * @param culpritRuns the verdict of each run on the culprit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Confirmation(List<Probe.Verdict> parentRuns, List<Probe.Verdict> culpritRuns) {
    /** Normalizes absent lists to empty ones. */
    public Confirmation {
        parentRuns = Lists.copy(parentRuns);
        culpritRuns = Lists.copy(culpritRuns);
    }

    /** Returns whether the parent passed and the culprit failed on every run, with at least one run each. */
    public boolean confirmed() {
        return !parentRuns.isEmpty() && !culpritRuns.isEmpty()
                && parentRuns.stream().allMatch(v -> v == Probe.Verdict.GOOD)
                && culpritRuns.stream().allMatch(v -> v == Probe.Verdict.BAD);
    }

    /** Returns how many runs agreed with the expected verdict, as "parent 3/3 good, culprit 3/3 bad". */
    public String describe() {
        long good = parentRuns.stream().filter(v -> v == Probe.Verdict.GOOD).count();
        long bad = culpritRuns.stream().filter(v -> v == Probe.Verdict.BAD).count();
        return "parent " + good + "/" + parentRuns.size() + " good, culprit " + bad + "/" + culpritRuns.size() + " bad";
    }
}
