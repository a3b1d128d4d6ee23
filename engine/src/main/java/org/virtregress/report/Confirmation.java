package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.ProbeRecord;

/**
 * The runs that confirm a culprit: the culprit's parent must pass every time, the culprit fail every time.
 *
 * @param parentRuns the verdict of each run on the parent
 * @param culpritRuns the verdict of each run on the culprit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Confirmation(List<ProbeRow.Verdict> parentRuns, List<ProbeRow.Verdict> culpritRuns) {
    /** Normalizes absent lists to empty ones. */
    public Confirmation {
        parentRuns = Lists.copy(parentRuns);
        culpritRuns = Lists.copy(culpritRuns);
    }

    /** Returns whether the parent passed and the culprit failed on every run, with at least one run each. */
    public boolean confirmed() {
        return !parentRuns.isEmpty() && !culpritRuns.isEmpty()
                && parentRuns.stream().allMatch(v -> v == ProbeRow.Verdict.GOOD)
                && culpritRuns.stream().allMatch(v -> v == ProbeRow.Verdict.BAD);
    }

    /** Returns how many runs agreed with the expected verdict, as "parent 3/3 good, culprit 3/3 bad". */
    public String describe() {
        long good = parentRuns.stream().filter(v -> v == ProbeRow.Verdict.GOOD).count();
        long bad = culpritRuns.stream().filter(v -> v == ProbeRow.Verdict.BAD).count();
        return "parent " + good + "/" + parentRuns.size() + " good, culprit " + bad + "/" + culpritRuns.size() + " bad";
    }

    /**
     * Collects the confirmation runs of a bisection: those of the culprit and those of its parent.
     *
     * @param result the bisection's result
     * @return the confirmation, or {@code null} when there is no culprit or it was not confirmed
     */
    public static Confirmation from(BisectResult result) {
        if (result.confirmation().isEmpty() || result.culprit() == null) {
            return null;
        }
        List<ProbeRow.Verdict> parent = new ArrayList<>();
        List<ProbeRow.Verdict> culprit = new ArrayList<>();
        for (ProbeRecord record : result.confirmation()) {
            List<ProbeRow.Verdict> runs = record.candidate().equals(result.culprit().id()) ? culprit : parent;
            record.runVerdicts().forEach(v -> runs.add(ProbeRow.Verdict.valueOf(v.name())));
        }
        return new Confirmation(parent, culprit);
    }
}
