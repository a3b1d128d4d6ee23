package org.virtregress.bisect;

import java.util.ArrayList;
import java.util.List;

/**
 * What a flaky test may do, as a grid of hypotheses: on a candidate that has the regression a run
 * fails with probability {@code q}, on one that does not with probability {@code f < q}. The
 * probabilistic search marginalises over the grid rather than guessing one pair, so an estimate
 * that is still uncertain widens the posterior instead of misleading it. Immutable and thread-safe.
 */
public final class FailureModel {
    private static final double[] STANDARD_Q = {
        0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0};
    private static final double[] STANDARD_F = {0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1};
    private static final double ALWAYS_FAILS_WEIGHT = 0.25;
    private static final double NEVER_FAILS_WEIGHT = 0.25;

    final double[] q;
    final double[] f;
    final double[] logQ;
    final double[] logNotQ;
    final double[] logF;
    final double[] logNotF;
    final double[] prior;
    final double[] logPrior;

    private FailureModel(List<double[]> points, double alwaysFails, double neverFails) {
        int size = points.size();
        q = new double[size];
        f = new double[size];
        logQ = new double[size];
        logNotQ = new double[size];
        logF = new double[size];
        logNotF = new double[size];
        prior = new double[size];
        logPrior = new double[size];
        for (int g = 0; g < size; g++) {
            q[g] = points.get(g)[0];
            f[g] = points.get(g)[1];
            logQ[g] = Math.log(q[g]);
            logNotQ[g] = Math.log(1 - q[g]);
            logF[g] = Math.log(f[g]);
            logNotF[g] = Math.log(1 - f[g]);
            prior[g] = 1;
        }
        if (alwaysFails <= 0) {
            for (int g = 0; g < size; g++) {
                prior[g] = 1.0 / size;
                logPrior[g] = Math.log(prior[g]);
            }
            return;
        }
        int qOne = 0;
        int fZero = 0;
        for (int g = 0; g < size; g++) {
            qOne += q[g] == 1 ? 1 : 0;
            fZero += f[g] == 0 ? 1 : 0;
        }
        double sum = 0;
        for (int g = 0; g < size; g++) {
            // a test that always fails on a bad candidate, or never on a good one, is the common case
            if (qOne > 0 && qOne < size) {
                prior[g] *= q[g] == 1 ? alwaysFails / qOne : (1 - alwaysFails) / (size - qOne);
            }
            if (fZero > 0 && fZero < size) {
                prior[g] *= f[g] == 0 ? neverFails / fZero : (1 - neverFails) / (size - fZero);
            }
            sum += prior[g];
        }
        for (int g = 0; g < size; g++) {
            prior[g] /= sum;
            logPrior[g] = Math.log(prior[g]);
        }
    }

    /**
     * Returns the grid the search uses by default: q from 0.05 to 1 in steps of 0.05, f in
     * {0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1}, every pair with {@code f < q}. A quarter of
     * the prior is on q = 1 (the failure shows on every run of a bad candidate) and a quarter on
     * f = 0 (the test never fails on a good one), the rest spread evenly: a steady test needs on average no
     * more runs than the deterministic search, while a lucky streak of a flaky test (a bad
     * candidate passing where q = 1 would not let it) seldom fools the search, whose target is
     * stricter once a run has shown the test flaky (bench/RESULTS.md).
     */
    public static FailureModel standard() {
        return weighted(STANDARD_Q, STANDARD_F, ALWAYS_FAILS_WEIGHT, NEVER_FAILS_WEIGHT);
    }

    /**
     * Returns the grid of every pair {@code (q, f)} with {@code f < q}, all equally likely.
     *
     * @param failWhenBad the values of q, each in (0, 1]
     * @param failWhenGood the values of f, each in [0, 1)
     * @return the model
     * @throws IllegalArgumentException if a value is out of range or no pair has {@code f < q}
     */
    public static FailureModel of(double[] failWhenBad, double[] failWhenGood) {
        return weighted(failWhenBad, failWhenGood, 0, 0);
    }

    private static FailureModel weighted(double[] failWhenBad, double[] failWhenGood, double alwaysFails,
                                         double neverFails) {
        List<double[]> points = new ArrayList<>();
        for (double qv : failWhenBad) {
            if (!(qv > 0 && qv <= 1)) {
                throw new IllegalArgumentException("a bad candidate's failure probability must be in (0, 1]: " + qv);
            }
            for (double fv : failWhenGood) {
                if (!(fv >= 0 && fv < 1)) {
                    throw new IllegalArgumentException("a good candidate's failure probability must be in [0, 1): " + fv);
                }
                if (fv < qv) {
                    points.add(new double[] {qv, fv});
                }
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no pair of failure probabilities with f < q");
        }
        return new FailureModel(points, alwaysFails, neverFails);
    }

    /** Returns the number of (q, f) hypotheses. */
    public int size() {
        return q.length;
    }

    /** Returns the probability that a run of a bad candidate fails under hypothesis g. */
    public double failWhenBad(int g) {
        return q[g];
    }

    /** Returns the probability that a run of a good candidate fails under hypothesis g. */
    public double failWhenGood(int g) {
        return f[g];
    }

    /** Returns the log-likelihood of the given failures and passes on a bad candidate under hypothesis g. */
    double logBad(int g, int fails, int passes) {
        return term(fails, logQ[g]) + term(passes, logNotQ[g]);
    }

    /** Returns the log-likelihood of the given failures and passes on a good candidate under hypothesis g. */
    double logGood(int g, int fails, int passes) {
        return term(fails, logF[g]) + term(passes, logNotF[g]);
    }

    private static double term(int count, double log) {
        return count == 0 ? 0 : count * log;
    }
}
