import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.BuildBisection;
import org.virtregress.bisect.FlakyBisector;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.Probe;
import org.virtregress.bisect.ProbeResult;

/**
 * Intermittent failures, side by side: on chains of N candidates, a seeded test fails on a bad
 * candidate with probability q and on a good one with probability f. For every (N, q, f) it runs
 * T trials of each strategy with the same culprits and the same random streams, and prints the
 * fraction of correct culprits, of wrong confident answers, and the mean test runs:
 *   git bisect     one run per probe, no bad-end check, no confirmation: the midpoint rule of
 *                  git bisect on a chain, run in-process by the engine's session (which uses git's rule)
 *   repeat N       today's deterministic search, --repeat N --confirm 3
 *   flaky          the probabilistic search, --flaky (confidence 0.99, max runs 1000)
 * "Correct" is an answer naming the planted culprit (COMPLETE for the engine's searches); "wrong and
 * confident" is a COMPLETE answer naming another commit (for git bisect: every wrong answer).
 *
 * Usage: java -cp virt-regress.jar bench/FlakyBisectBench.java [TRIALS [SIZES [SEED [QS [FS]]]]]
 *   SIZES, QS and FS are comma-separated lists (defaults 1000,10000; 0.2,0.5,0.8,1; 0,0.02).
 */
public class FlakyBisectBench {

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String[] sizes = (args.length > 1 ? args[1] : "1000,10000").split(",");
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        double[] qs = values(args.length > 3 ? args[3] : "0.2,0.5,0.8,1");
        double[] fs = values(args.length > 4 ? args[4] : "0,0.02");
        System.out.println("| commits | q | f | strategy | correct | wrong and confident | mean runs |");
        System.out.println("|---:|---:|---:|---|---:|---:|---:|");
        for (String size : sizes) {
            int n = Integer.parseInt(size.trim());
            List<String> ids = IntStream.rangeClosed(0, n).mapToObj(i -> "c" + i).toList();
            BisectRange range = BuildBisection.of(ids);
            for (double q : qs) {
                for (double f : fs) {
                    List<Strategy> strategies = List.of(
                            new Strategy("git bisect", true,
                                    () -> Bisector.builder().confirm(0).checkBadEnd(false).build()::run),
                            new Strategy("repeat 1, confirm 3", false,
                                    () -> Bisector.builder().repeat(1).confirm(3).build()::run),
                            new Strategy("repeat 3, confirm 3", false,
                                    () -> Bisector.builder().repeat(3).confirm(3).build()::run),
                            new Strategy("repeat 5, confirm 3", false,
                                    () -> Bisector.builder().repeat(5).confirm(3).build()::run),
                            new Strategy("flaky (0.99)", false, () -> FlakyBisector.builder().build()::run));
                    for (Strategy strategy : strategies) {
                        SplittableRandom culprits = new SplittableRandom(seed);
                        int correct = 0;
                        int wrongConfident = 0;
                        long runs = 0;
                        for (int trial = 0; trial < trials; trial++) {
                            int culprit = 1 + culprits.nextInt(n);
                            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + trial);
                            BisectResult result = strategy.search().get().run(range, flaky(culprit, q, f, random));
                            runs += result.testRuns();
                            boolean named = result.culprit() != null
                                    && (strategy.plain() || result.outcome() == Outcome.COMPLETE);
                            if (named && result.culprit().id().equals("c" + culprit)) {
                                correct++;
                            } else if (named) {
                                wrongConfident++;
                            }
                        }
                        System.out.printf(Locale.ROOT, "| %,d | %.1f | %.2f | %s | %.3f | %.3f | %.1f |%n", n, q, f,
                                strategy.name(), (double) correct / trials, (double) wrongConfident / trials,
                                (double) runs / trials);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d trials per row, seed %d%n", trials, seed);
    }

    private static double[] values(String list) {
        return java.util.Arrays.stream(list.split(",")).mapToDouble(v -> Double.parseDouble(v.trim())).toArray();
    }

    private interface Search {
        BisectResult run(BisectRange range, Probe probe) throws Exception;
    }

    private record Strategy(String name, boolean plain, Supplier<Search> search) {
    }

    private static Probe flaky(int culprit, double q, double f, SplittableRandom random) {
        return candidate -> {
            int index = Integer.parseInt(candidate.id().substring(1));
            boolean fails = random.nextDouble() < (index >= culprit ? q : f);
            return fails ? ProbeResult.bad("exit code 1", "exit code 1") : ProbeResult.good("exit code 0");
        };
    }
}
