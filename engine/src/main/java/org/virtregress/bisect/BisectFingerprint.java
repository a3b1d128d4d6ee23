package org.virtregress.bisect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything that decides the verdicts of a bisection: the repository, the resolved ends, the
 * range's limits, the test and the rules that turn runs into verdicts. A state file records it, and
 * its verdicts are reused only by a bisection with an equal fingerprint. How many probes run at
 * once is not part of it: it changes the order of the probes, never a verdict. Immutable.
 *
 * @param repository the repository's identity, or null when not known
 * @param goods the resolved good ends
 * @param bad the resolved bad end
 * @param candidates the number of candidates, the bad end included
 * @param paths the path limits of the range
 * @param firstParent whether the range follows only first parents
 * @param probe what tests a candidate (the command's argument array); empty when not known
 * @param timeout the time limit of a test run, or null when not known
 * @param repeat how many times a probe may run its test
 * @param runsMustAgree whether mixed runs make a candidate weak rather than bad
 * @param sameFailure whether a failure with another signature counts as skip
 * @param expectedSignature the expected failure signature given up front, or null
 * @param confirm how many confirmation probes the culprit and its parents get
 */
public record BisectFingerprint(String repository, List<String> goods, String bad, int candidates,
                                List<String> paths, boolean firstParent, List<String> probe, Duration timeout,
                                int repeat, boolean runsMustAgree, boolean sameFailure, String expectedSignature,
                                int confirm) {
    /** Copies the lists; null lists are empty. */
    public BisectFingerprint {
        goods = goods == null ? List.of() : List.copyOf(goods);
        paths = paths == null ? List.of() : List.copyOf(paths);
        probe = probe == null ? List.of() : List.copyOf(probe);
    }

    /**
     * Returns the fingerprint of a bisection of a range.
     *
     * @param question the caller's part
     * @param range the range
     * @param rules the bisector's rules: repeat, runs must agree, same failure, expected signature, confirm
     * @return the fingerprint
     */
    static BisectFingerprint of(BisectQuestion question, BisectRange range, Rules rules) {
        return new BisectFingerprint(question.repository(), range.goods(), range.bad(), range.size(),
                question.paths(), question.firstParent(), question.probe(), question.timeout(), rules.repeat(),
                rules.runsMustAgree(), rules.sameFailure(), rules.expectedSignature(), rules.confirm());
    }

    /** The bisector's settings that decide verdicts. */
    record Rules(int repeat, boolean runsMustAgree, boolean sameFailure, String expectedSignature, int confirm) {
    }

    /**
     * Says how another fingerprint differs from this one, one line per setting, for example
     * {@code "test command: [./t.sh] in the state file, [./u.sh] now"}.
     *
     * @param now the fingerprint of the bisection about to run
     * @return the differences, this one's value first; empty when the two ask the same question
     */
    public List<String> differences(BisectFingerprint now) {
        List<String> out = new ArrayList<>();
        compare(out, "repository", now, BisectFingerprint::repository);
        compare(out, "good", now, BisectFingerprint::goods);
        compare(out, "bad", now, BisectFingerprint::bad);
        compare(out, "number of candidates", now, BisectFingerprint::candidates);
        compare(out, "paths", now, BisectFingerprint::paths);
        compare(out, "first parent", now, BisectFingerprint::firstParent);
        compare(out, "test command", now, BisectFingerprint::probe);
        compare(out, "timeout", now, BisectFingerprint::timeout);
        compare(out, "repeat", now, BisectFingerprint::repeat);
        compare(out, "runs must agree", now, BisectFingerprint::runsMustAgree);
        compare(out, "same failure", now, BisectFingerprint::sameFailure);
        compare(out, "expected failure", now, BisectFingerprint::expectedSignature);
        compare(out, "confirmation probes", now, BisectFingerprint::confirm);
        return out;
    }

    private void compare(List<String> out, String name, BisectFingerprint now, Function<BisectFingerprint, ?> value) {
        Object recorded = value.apply(this);
        Object wanted = value.apply(now);
        if (!Objects.equals(recorded, wanted)) {
            out.add(name + ": " + show(recorded) + " in the state file, " + show(wanted) + " now");
        }
    }

    private static String show(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Duration duration) {
            return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        }
        return value.toString();
    }
}
