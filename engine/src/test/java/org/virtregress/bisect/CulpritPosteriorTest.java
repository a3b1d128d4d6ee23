package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the segment-based posterior and probe choice against a direct enumeration of (q, f, culprit). */
class CulpritPosteriorTest {
    private static final FailureModel MODEL = FailureModel.of(new double[] {0.3, 0.6, 1.0}, new double[] {0, 0.05, 0.2});

    /** One recorded run. */
    private record Run(int position, boolean failed) {
    }

    private static List<Run> randomRuns(int n, int count, Random random) {
        int culprit = random.nextInt(n);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int position = random.nextInt(n + 1) - 1;
            double p = position >= culprit ? 0.6 : 0.05;
            runs.add(new Run(position, random.nextDouble() < p));
        }
        runs.add(new Run(n - 1, true));
        return runs;
    }

    private static CulpritPosterior posterior(int n, List<Run> runs) {
        CulpritPosterior posterior = new CulpritPosterior(n, MODEL);
        runs.forEach(run -> posterior.observe(run.position(), run.failed()));
        return posterior;
    }

    /** The joint posterior p(g, c) by multiplying every run's likelihood, unnormalised. */
    private static double[][] joint(int n, List<Run> runs) {
        double[][] joint = new double[MODEL.size()][n];
        for (int g = 0; g < MODEL.size(); g++) {
            for (int c = 0; c < n; c++) {
                double p = MODEL.prior[g] / n;
                for (Run run : runs) {
                    double fail = run.position() >= c ? MODEL.failWhenBad(g) : MODEL.failWhenGood(g);
                    p *= run.failed() ? fail : 1 - fail;
                }
                joint[g][c] = p;
            }
        }
        return joint;
    }

    private static double[] marginal(double[][] joint) {
        double[] out = new double[joint[0].length];
        double total = 0;
        for (double[] row : joint) {
            for (int c = 0; c < out.length; c++) {
                out[c] += row[c];
                total += row[c];
            }
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= total;
        }
        return out;
    }

    private static double entropy(double[] p) {
        double h = 0;
        for (double x : p) {
            h -= x > 0 ? x * Math.log(x) / Math.log(2) : 0;
        }
        return h;
    }

    /** I(Y_S; c) for runs at the given positions, by enumerating every outcome of them. */
    private static double bruteGain(int n, List<Run> runs, List<Integer> positions) {
        double before = entropy(marginal(joint(n, runs)));
        double evidence = sum(joint(n, runs));
        double after = 0;
        for (int y = 0; y < 1 << positions.size(); y++) {
            List<Run> more = new ArrayList<>(runs);
            for (int i = 0; i < positions.size(); i++) {
                more.add(new Run(positions.get(i), (y >> i & 1) == 1));
            }
            double[][] joint = joint(n, more);
            after += sum(joint) / evidence * entropy(marginal(joint));
        }
        return before - after;
    }

    private static double sum(double[][] joint) {
        double total = 0;
        for (double[] row : joint) {
            for (double x : row) {
                total += x;
            }
        }
        return total;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shouldMatchTheBruteForcePosterior(long seed) {
        Random random = new Random(seed);
        int n = 2 + random.nextInt(9);
        List<Run> runs = randomRuns(n, random.nextInt(15), random);

        double[] expected = marginal(joint(n, runs));

        assertThat(posterior(n, runs).probabilities()).containsExactly(expected, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void shouldMatchTheBruteForceInformationGainOfEveryPosition(long seed) {
        Random random = new Random(seed);
        int n = 2 + random.nextInt(8);
        List<Run> runs = randomRuns(n, random.nextInt(12), random);

        double[] gains = posterior(n, runs).gains();

        for (int j = -1; j < n; j++) {
            assertThat(gains[j + 1]).as("position %d", j).isCloseTo(bruteGain(n, runs, List.of(j)), within(1e-9));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void shouldPickTheMostInformativeRunsGreedilyWithTheirJointGain(long seed) {
        Random random = new Random(seed);
        int n = 4 + random.nextInt(6);
        List<Run> runs = randomRuns(n, random.nextInt(10), random);

        List<CulpritPosterior.Pick> picks = posterior(n, runs).nextProbes(3, position -> true);

        assertThat(picks).hasSize(3);
        List<Integer> chosen = new ArrayList<>();
        double previous = 0;
        for (CulpritPosterior.Pick pick : picks) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = -1; j < n; j++) {
                if (!chosen.contains(j)) {
                    List<Integer> with = new ArrayList<>(chosen);
                    with.add(j);
                    best = Math.max(best, bruteGain(n, runs, with));
                }
            }
            chosen.add(pick.position());
            double joint = bruteGain(n, runs, chosen);
            assertThat(joint).as("joint gain of %s", chosen).isCloseTo(best, within(1e-9));
            assertThat(pick.gain()).as("added gain of %d", pick.position()).isCloseTo(joint - previous, within(1e-9));
            previous = joint;
        }
        assertThat(chosen).doesNotHaveDuplicates();
    }

    @Test
    void shouldOnlyPickTestablePositions() {
        CulpritPosterior posterior = new CulpritPosterior(8, MODEL);
        posterior.observe(7, true);

        List<CulpritPosterior.Pick> picks = posterior.nextProbes(2, position -> position != 3 && position != 4);

        assertThat(picks).extracting(CulpritPosterior.Pick::position).doesNotContain(3, 4).hasSize(2);
    }

    @Test
    void shouldWeighTheIntroductionAgainstAnOlderAndANewerCulprit() {
        CulpritPosterior posterior = new CulpritPosterior(5, MODEL);
        posterior.observe(4, true);
        for (int i = 0; i < 6; i++) {
            posterior.observe(1, false);
            posterior.observe(2, i % 2 == 0);
        }

        CulpritPosterior.Introduction introduction = posterior.introduced(2);

        double[][] likelihood = new double[3][1];
        for (int g = 0; g < MODEL.size(); g++) {
            double q = MODEL.failWhenBad(g);
            double f = MODEL.failWhenGood(g);
            double ends = q;
            likelihood[0][0] += MODEL.prior[g] * ends * Math.pow(1 - f, 6) * Math.pow(q * (1 - q), 3);
            likelihood[1][0] += MODEL.prior[g] * ends * Math.pow(1 - q, 6) * Math.pow(q * (1 - q), 3);
            likelihood[2][0] += MODEL.prior[g] * ends * Math.pow(1 - f, 6) * Math.pow(f * (1 - f), 3);
        }
        double total = likelihood[0][0] + likelihood[1][0] + likelihood[2][0];
        assertThat(introduction.introduced()).isCloseTo(likelihood[0][0] / total, within(1e-12));
        assertThat(introduction.older()).isCloseTo(likelihood[1][0] / total, within(1e-12));
        assertThat(introduction.newer()).isCloseTo(likelihood[2][0] / total, within(1e-12));
        assertThat(introduction.introduced()).isGreaterThan(Math.max(introduction.older(), introduction.newer()));
    }

    @Test
    void shouldLearnTheFailureRatesFromTheRuns() {
        CulpritPosterior posterior = new CulpritPosterior(3, FailureModel.standard());
        for (int i = 0; i < 200; i++) {
            posterior.observe(2, i % 4 == 0);
            posterior.observe(-1, false);
        }

        assertThat(posterior.meanFailWhenBad()).isCloseTo(0.25, within(0.05));
        assertThat(posterior.meanFailWhenGood()).isLessThan(0.01);
    }

    @Test
    void shouldGiveTheDeterministicIntervalOnlyWhileEveryRunAgrees() {
        CulpritPosterior posterior = new CulpritPosterior(10, MODEL);
        posterior.observe(9, true);
        assertThat(posterior.consistentInterval()).hasValueSatisfying(i -> assertThat(i).containsExactly(-1, 9));

        posterior.observe(2, false);
        posterior.observe(6, true);
        posterior.observe(2, false);
        assertThat(posterior.consistentInterval()).hasValueSatisfying(i -> assertThat(i).containsExactly(2, 6));

        posterior.observe(4, true);
        posterior.observe(4, false);
        assertThat(posterior.consistentInterval()).isEmpty();
    }

    @Test
    void shouldGiveNoDeterministicIntervalWhenAPassIsNewerThanAFailure() {
        CulpritPosterior posterior = new CulpritPosterior(10, MODEL);
        posterior.observe(9, true);
        posterior.observe(3, true);
        posterior.observe(5, false);

        assertThat(posterior.consistentInterval()).isEmpty();
    }

    @Test
    void shouldGiveNoDeterministicIntervalWhenTheGoodEndFails() {
        CulpritPosterior posterior = new CulpritPosterior(10, MODEL);
        posterior.observe(9, true);
        posterior.observe(-1, true);

        assertThat(posterior.consistentInterval()).isEmpty();
    }
}
