package org.virtregress.bisect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The posterior over which candidate of a linear range introduced an intermittent failure, given
 * every run so far. Positions run from 0 (the oldest candidate) to {@code n - 1} (the bad end);
 * position -1 is the good end. The culprit is a priori equally likely at every position; a
 * candidate at or after the culprit is bad, one before it good; a run of a bad candidate fails with
 * probability q, of a good one with probability f, and the pair (q, f) is marginalised over the
 * grid of a {@link FailureModel}, so both are learnt from the runs themselves.
 *
 * <p>Between two tested positions every culprit position explains the runs equally well, so the
 * posterior is kept as segments: an update or a probe choice costs
 * O(tested positions × grid + n), not O(runs × n × grid).
 *
 * <p>Not thread-safe.
 */
public final class CulpritPosterior {
    private static final double LOG2 = Math.log(2);

    private final int n;
    private final FailureModel model;
    private final int[] fails;
    private final int[] passes;
    private View current;

    /**
     * Starts with no runs.
     *
     * @param n the number of candidates, the bad end included, at least 1
     * @param model the failure model
     */
    public CulpritPosterior(int n, FailureModel model) {
        if (n < 1) {
            throw new IllegalArgumentException("a range has at least the bad end: " + n);
        }
        this.n = n;
        this.model = model;
        this.fails = new int[n + 1];
        this.passes = new int[n + 1];
    }

    /** Returns the number of candidate positions. */
    public int size() {
        return n;
    }

    /**
     * Records one run.
     *
     * @param position -1 for the good end, else 0 (oldest) to {@code n - 1} (the bad end)
     * @param failed whether the run failed
     */
    public void observe(int position, boolean failed) {
        check(position);
        if (failed) {
            fails[position + 1]++;
        } else {
            passes[position + 1]++;
        }
        current = null;
    }

    /** Returns how many runs at a position failed. */
    public int fails(int position) {
        check(position);
        return fails[position + 1];
    }

    /** Returns how many runs at a position passed. */
    public int passes(int position) {
        check(position);
        return passes[position + 1];
    }

    private void check(int position) {
        if (position < -1 || position >= n) {
            throw new IllegalArgumentException("position out of range [-1, " + (n - 1) + "]: " + position);
        }
    }

    /**
     * Returns the interval a deterministic test would leave, when every run so far is consistent
     * with one: no position both passed and failed, the good end never failed, the bad end never
     * passed, and every position that passed is older than every one that failed.
     *
     * @return {newest position that passed (-1 when none), oldest that failed}, or empty when the runs disagree
     */
    public java.util.Optional<int[]> consistentInterval() {
        int newestPass = -1;
        int oldestFail = n - 1;
        if (fails[0] > 0 || passes[n] > 0) {
            return java.util.Optional.empty();
        }
        for (int index = 1; index <= n; index++) {
            if (fails[index] > 0 && passes[index] > 0) {
                return java.util.Optional.empty();
            }
            if (passes[index] > 0) {
                newestPass = index - 1;
            }
            if (fails[index] > 0 && index - 1 < oldestFail) {
                oldestFail = index - 1;
            }
        }
        return newestPass < oldestFail ? java.util.Optional.of(new int[] {newestPass, oldestFail})
                : java.util.Optional.empty();
    }

    /** Returns the posterior probability of each position being the culprit, oldest first; they sum to 1. */
    public double[] probabilities() {
        View view = current();
        double[] out = new double[n];
        int position = 0;
        for (int s = 0; s < view.ends.length; s++) {
            for (; position <= view.ends[s]; position++) {
                out[position] = view.weight[s] / view.z;
            }
        }
        return out;
    }

    /** Returns the posterior mean of q, the probability that a run of a bad candidate fails. */
    public double meanFailWhenBad() {
        return mean(true);
    }

    /** Returns the posterior mean of f, the probability that a run of a good candidate fails. */
    public double meanFailWhenGood() {
        return mean(false);
    }

    private double mean(boolean bad) {
        View view = current();
        double sum = 0;
        for (int s = 0; s < view.ends.length; s++) {
            sum += view.length(s) * (bad ? view.failBad[s] : view.failGood[s]);
        }
        return sum / view.z;
    }

    /**
     * Returns the information one more run at each position gives about the culprit, in bits: the
     * mutual information between its outcome and the culprit's position.
     *
     * @return the gains, index {@code position + 1} (index 0 is the good end)
     */
    public double[] gains() {
        return gains(current());
    }

    /**
     * Chooses up to k distinct positions to run at once, greedily: each next pick maximises the
     * information its run adds to that of the picks before it, averaged over their possible outcomes.
     * The picks together gain the sum of their returned gains.
     *
     * @param k how many runs can go at once, at least 1
     * @param testable which positions may be run (-1 for the good end)
     * @return the picks and their conditional gains, best first; fewer than k when nothing else is informative
     */
    public List<Pick> nextProbes(int k, IntPredicate testable) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        List<Pick> picks = new ArrayList<>();
        View base = current();
        for (int step = 0; step < k; step++) {
            double[] total = new double[n + 1];
            int outcomes = 1 << picks.size();
            for (int y = 0; y < outcomes; y++) {
                int[] f = fails.clone();
                int[] p = passes.clone();
                for (int i = 0; i < picks.size(); i++) {
                    int index = picks.get(i).position() + 1;
                    if ((y >> i & 1) == 1) {
                        f[index]++;
                    } else {
                        p[index]++;
                    }
                }
                View view = picks.isEmpty() ? base : view(f, p);
                double weight = Math.exp(view.logZ - base.logZ);
                double[] gains = gains(view);
                for (int j = 0; j <= n; j++) {
                    total[j] += weight * gains[j];
                }
            }
            boolean[] taken = new boolean[n + 1];
            picks.forEach(pick -> taken[pick.position() + 1] = true);
            int best = -2;
            for (int j = -1; j < n; j++) {
                if (!taken[j + 1] && (best == -2 || total[j + 1] > total[best + 1]) && testable.test(j)) {
                    best = j;
                }
            }
            if (best == -2 || !(total[best + 1] > 1e-12)) {
                break;
            }
            picks.add(new Pick(best, total[best + 1]));
        }
        return picks;
    }

    /**
     * One chosen position and the information its run adds, in bits.
     *
     * @param position -1 for the good end, else 0 to {@code n - 1}
     * @param gain the expected information gain given the picks before it
     */
    public record Pick(int position, double gain) {
    }

    /**
     * Weighs "this position introduced the failure" against its alternatives from the runs of the
     * position, of the one before it and of the two ends alone, each hypothesis equally likely a
     * priori: the culprit's parent good and the culprit bad, both bad (the failure is older), or
     * both good (it is newer). (q, f) is marginalised over the grid as in the search.
     *
     * @param culprit the position, 0 to {@code n - 1}
     * @return the three posteriors
     */
    public Introduction introduced(int culprit) {
        if (culprit < 0 || culprit >= n) {
            throw new IllegalArgumentException("not a candidate position: " + culprit);
        }
        int parent = culprit - 1;
        double here = logEvidence(parent, false, culprit, true);
        double older = parent >= 0 ? logEvidence(parent, true, culprit, true) : Double.NEGATIVE_INFINITY;
        double newer = culprit < n - 1 ? logEvidence(parent, false, culprit, false) : Double.NEGATIVE_INFINITY;
        double max = Math.max(here, Math.max(older, newer));
        double a = Math.exp(here - max);
        double b = Math.exp(older - max);
        double c = Math.exp(newer - max);
        double sum = a + b + c;
        return new Introduction(a / sum, b / sum, c / sum);
    }

    /**
     * The posterior of "the culprit's parent is good and the culprit bad", and of its two alternatives.
     *
     * @param introduced the parent good and the culprit bad
     * @param older both bad: an older candidate introduced it
     * @param newer both good: a newer candidate introduced it
     */
    public record Introduction(double introduced, double older, double newer) {
    }

    private double logEvidence(int parent, boolean parentBad, int culprit, boolean culpritBad) {
        int[] positions = {-1, n - 1, parent, culprit};
        boolean[] bad = {false, true, parentBad, culpritBad};
        double[] terms = new double[model.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < model.size(); g++) {
            double sum = Math.log(model.prior[g]);
            for (int i = 0; i < positions.length; i++) {
                if (!firstOccurrence(positions, i)) {
                    continue;
                }
                int index = positions[i] + 1;
                sum += bad[i] ? model.logBad(g, fails[index], passes[index])
                        : model.logGood(g, fails[index], passes[index]);
            }
            terms[g] = sum;
            max = Math.max(max, sum);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double total = 0;
        for (double term : terms) {
            total += Math.exp(term - max);
        }
        return max + Math.log(total);
    }

    private static boolean firstOccurrence(int[] positions, int i) {
        for (int j = 0; j < i; j++) {
            if (positions[j] == positions[i]) {
                return false;
            }
        }
        return true;
    }

    private double[] gains(View view) {
        int segments = view.ends.length;
        double[] hBad = new double[segments];
        double[] hGood = new double[segments];
        double totalGood = 0;
        double totalHGood = 0;
        for (int s = 0; s < segments; s++) {
            double w = view.weight[s];
            hBad[s] = w == 0 ? 0 : w * entropy(view.failBad[s] / w);
            hGood[s] = w == 0 ? 0 : w * entropy(view.failGood[s] / w);
            totalGood += view.length(s) * view.failGood[s];
            totalHGood += view.length(s) * hGood[s];
        }
        double[] out = new double[n + 1];
        double z = view.z;
        out[0] = Math.max(0, entropy(totalGood / z) - totalHGood / z);
        double badFail = 0;
        double badH = 0;
        double goodFail = 0;
        double goodH = 0;
        int position = 0;
        for (int s = 0; s < segments; s++) {
            for (; position <= view.ends[s]; position++) {
                badFail += view.failBad[s];
                badH += hBad[s];
                goodFail += view.failGood[s];
                goodH += hGood[s];
                double failing = (badFail + totalGood - goodFail) / z;
                double conditional = (badH + totalHGood - goodH) / z;
                out[position + 1] = Math.max(0, entropy(failing) - conditional);
            }
        }
        return out;
    }

    private static double entropy(double p) {
        if (!(p > 0) || !(p < 1)) {
            return 0;
        }
        return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / LOG2;
    }

    /**
     * The posterior as segments (b[s-1], b[s]] of culprit positions that explain the runs equally
     * well, with per-position weights: the unnormalised probability, and its products with q and f.
     */
    private View current() {
        if (current == null) {
            current = view(fails, passes);
        }
        return current;
    }

    private View view(int[] f, int[] p) {
        int[] ends = boundaries(f, p);
        int segments = ends.length;
        int[] suffixFails = new int[segments + 1];
        int[] suffixPasses = new int[segments + 1];
        for (int s = segments - 1; s >= 0; s--) {
            suffixFails[s] = suffixFails[s + 1] + f[ends[s] + 1];
            suffixPasses[s] = suffixPasses[s + 1] + p[ends[s] + 1];
        }
        int grid = model.size();
        double[][] log = new double[segments][grid];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < segments; s++) {
            int goodFails = suffixFails[0] - suffixFails[s] + f[0];
            int goodPasses = suffixPasses[0] - suffixPasses[s] + p[0];
            for (int g = 0; g < grid; g++) {
                double value = model.logPrior[g] + model.logBad(g, suffixFails[s], suffixPasses[s])
                        + model.logGood(g, goodFails, goodPasses);
                log[s][g] = value;
                max = Math.max(max, value);
            }
        }
        double[] weight = new double[segments];
        double[] failBad = new double[segments];
        double[] failGood = new double[segments];
        double z = 0;
        int previous = -1;
        for (int s = 0; s < segments; s++) {
            for (int g = 0; g < grid; g++) {
                double w = Math.exp(log[s][g] - max);
                weight[s] += w;
                failBad[s] += w * model.q[g];
                failGood[s] += w * model.f[g];
            }
            z += (ends[s] - previous) * weight[s];
            previous = ends[s];
        }
        double logZ = max + Math.log(z) - Math.log(n);
        return new View(ends, weight, failBad, failGood, z, logZ);
    }

    private int[] boundaries(int[] f, int[] p) {
        int[] ends = new int[n];
        int count = 0;
        for (int position = 0; position < n - 1; position++) {
            if (f[position + 1] + p[position + 1] > 0) {
                ends[count++] = position;
            }
        }
        ends[count++] = n - 1;
        return Arrays.copyOf(ends, count);
    }

    private record View(int[] ends, double[] weight, double[] failBad, double[] failGood, double z, double logZ) {
        int length(int s) {
            return ends[s] - (s == 0 ? -1 : ends[s - 1]);
        }
    }
}
