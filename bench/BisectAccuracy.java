import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.virtregress.bisect.BisectRange;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.Bisector;
import org.virtregress.bisect.BuildBisection;
import org.virtregress.bisect.Outcome;
import org.virtregress.bisect.ProbeResult;

/**
 * Accuracy under flakiness: a bad candidate passes its test with probability P. Runs T seeded
 * trials on a chain of N candidates and compares plain bisection (one run per probe, no check of
 * the bad end, no confirmation: what git bisect run does) with repeat/confirm.
 *
 * Usage: java -cp virt-regress.jar bench/BisectAccuracy.java [TRIALS N P REPEAT CONFIRM SEED]
 */
public class BisectAccuracy {
    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        double passRate = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
        int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int confirm = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 1;
        List<String> ids = IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
        BisectRange range = BuildBisection.of(ids);
        Random culprits = new Random(seed);
        int plainRight = 0;
        long plainRuns = 0;
        int oursRight = 0;
        int oursWrong = 0;
        int oursUnconfirmed = 0;
        int oursOther = 0;
        long oursRuns = 0;
        for (int trial = 0; trial < trials; trial++) {
            int culprit = 1 + culprits.nextInt(n - 1);
            String expected = "c" + culprit;
            BisectResult plain = Bisector.builder().confirm(0).checkBadEnd(false).build()
                    .run(range, flaky(culprit, passRate, new Random(seed * 1_000_003 + trial)));
            plainRuns += plain.testRuns();
            if (plain.culprit() != null && plain.culprit().id().equals(expected)) {
                plainRight++;
            }
            BisectResult ours = Bisector.builder().repeat(repeat).confirm(confirm).build()
                    .run(range, flaky(culprit, passRate, new Random(seed * 1_000_003 + trial)));
            oursRuns += ours.testRuns();
            if (ours.outcome() == Outcome.COMPLETE) {
                if (ours.culprit().id().equals(expected)) {
                    oursRight++;
                } else {
                    oursWrong++;
                }
            } else if (ours.outcome() == Outcome.UNCONFIRMED) {
                oursUnconfirmed++;
            } else {
                oursOther++;
            }
        }
        System.out.printf("accuracy: %d trials, %d candidates, a bad candidate passes %.0f%% of its runs%n",
                trials, n, passRate * 100);
        System.out.printf("  %-34s correct %.3f  (%d/%d)  test runs/trial %.1f%n", "plain bisection (git bisect run):",
                (double) plainRight / trials, plainRight, trials, (double) plainRuns / trials);
        System.out.printf("  %-34s correct %.3f  (%d/%d)  wrong-but-confirmed %d  unconfirmed %d  other %d"
                + "  test runs/trial %.1f%n", "virt-regress repeat " + repeat + " confirm " + confirm + ":",
                (double) oursRight / trials, oursRight, trials, oursWrong, oursUnconfirmed, oursOther,
                (double) oursRuns / trials);
    }

    private static org.virtregress.bisect.Probe flaky(int culprit, double passRate, Random random) {
        return candidate -> {
            int index = Integer.parseInt(candidate.id().substring(1));
            boolean bad = index >= culprit && random.nextDouble() >= passRate;
            return bad ? ProbeResult.bad("exit code 1", "exit code 1") : ProbeResult.good("exit code 0");
        };
    }
}
