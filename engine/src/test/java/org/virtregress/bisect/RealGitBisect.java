package org.virtregress.bisect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/**
 * Runs the real {@code git bisect run} on a clone of a test history with the predicate "the commit
 * contains the culprit" (and exit 125 for untestable commits), and reports what git found and how
 * many times it ran the predicate.
 */
final class RealGitBisect {
    private static final Pattern FIRST_BAD = Pattern.compile("^([0-9a-f]{40}) is the first bad commit", Pattern.MULTILINE);
    private static final Pattern ANY_OF = Pattern.compile("^([0-9a-f]{40})$", Pattern.MULTILINE);

    /** What git said: a single culprit, or the commits it could not tell apart, and its probe count. */
    record Answer(String culprit, List<String> range, int probes, String output) {
    }

    private RealGitBisect() {
    }

    static Answer run(Path source, Path scratch, String good, String bad, String culprit, Set<String> untestable,
                      List<String> paths, boolean firstParent) throws IOException, InterruptedException {
        ProcessRunner runner = new ProcessRunner();
        Path clone = scratch.resolve("clone");
        Path counter = scratch.resolve("probes");
        Files.writeString(counter, "");
        check(runner.run(Command.of("git", "clone", "--quiet", source.toString(), clone.toString()).build(),
                OutputListener.NONE));
        List<String> start = new ArrayList<>(List.of("git", "-C", clone.toString(), "bisect", "start"));
        if (firstParent) {
            start.add("--first-parent");
        }
        start.add(bad);
        start.add(good);
        start.add("--");
        start.addAll(paths);
        check(runner.run(Command.of(start).build(), OutputListener.NONE));
        StringBuilder skip = new StringBuilder();
        for (String id : untestable) {
            skip.append(skip.length() == 0 ? "" : "|").append(id);
        }
        String script = "echo probe >> \"$COUNTER\"\n"
                + (untestable.isEmpty() ? "" : "case \"$(git rev-parse HEAD)\" in " + skip + ") exit 125;; esac\n")
                + "if git merge-base --is-ancestor " + culprit + " HEAD; then exit 1; fi\nexit 0\n";
        CommandResult result = runner.run(Command.of("git", "-C", clone.toString(), "bisect", "run", "sh", "-c", script)
                .env("COUNTER", counter.toString()).timeout(Duration.ofMinutes(5)).build(), OutputListener.NONE);
        String output = result.output();
        int probes = (int) Files.readAllLines(counter).stream().filter(l -> l.equals("probe")).count();
        Matcher first = FIRST_BAD.matcher(output);
        if (first.find()) {
            return new Answer(first.group(1), List.of(first.group(1)), probes, output);
        }
        int at = output.indexOf("could be any of:");
        List<String> range = new ArrayList<>();
        if (at >= 0) {
            Matcher any = ANY_OF.matcher(output.substring(at));
            while (any.find()) {
                range.add(any.group(1));
            }
        }
        return new Answer(null, range, probes, output);
    }

    private static void check(CommandResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException(result.describe() + "\n" + result.output());
        }
    }
}
