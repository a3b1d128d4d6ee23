package org.virtregress.bisect;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses the next probes of a {@link BisectSession}: the remaining candidates renumbered densely,
 * with their ancestor sets inside the range as bit sets, and the choice rules (git's midpoint and
 * skip rule for one probe, near-equal parts for k probes). Built for one choice, then dropped.
 */
final class ProbeChooser {
    private final List<String> ids;
    private final int[][] parents;
    private final BitSet untestable;
    private final int bad;
    final int[] global;
    final long[][] anc;
    final int[] weight;
    final int n;
    final int words;
    final List<Integer> testable = new ArrayList<>();

    ProbeChooser(List<String> ids, int[][] parents, BitSet remaining, BitSet untestable, int bad) {
        this.ids = ids;
        this.parents = parents;
        this.untestable = untestable;
        this.bad = bad;
        n = remaining.cardinality();
        words = (n + 63) >>> 6;
        global = new int[n];
        int[] toLocal = new int[ids.size()];
        int j = 0;
        for (int i = remaining.nextSetBit(0); i >= 0; i = remaining.nextSetBit(i + 1)) {
            toLocal[i] = j;
            global[j++] = i;
        }
        anc = new long[n][];
        weight = new int[n];
        for (int l = 0; l < n; l++) {
            int g = global[l];
            long[] bits = new long[words];
            bits[l >>> 6] |= 1L << l;
            for (int p : parents[g]) {
                if (remaining.get(p)) {
                    long[] pb = anc[toLocal[p]];
                    for (int w = 0; w < words; w++) {
                        bits[w] |= pb[w];
                    }
                }
            }
            anc[l] = bits;
            weight[l] = count(bits);
            if (g != bad && !untestable.get(g)) {
                testable.add(l);
            }
        }
    }

    /**
     * The git choice: the testable candidate maximising min(weight, n - weight), the oldest on a
     * tie. Once anything was skipped, git's own rule: candidates sorted by that distance (ties by
     * id); when the best is untestable, a pseudo-random pick biased towards the good cuts
     * ({@code skip_away} in git's bisect.c), so the next probe moves away from an untestable cluster.
     */
    int midpoint() {
        if (untestable.isEmpty()) {
            int best = -1;
            int bestScore = -1;
            for (int l : testable) {
                int score = distance(l);
                if (score > bestScore) {
                    best = l;
                    bestScore = score;
                }
            }
            return best;
        }
        List<Integer> sorted = new ArrayList<>();
        for (int l = 0; l < n; l++) {
            sorted.add(l);
        }
        sorted.sort(Comparator.comparingInt((Integer l) -> -distance(l)).thenComparing(l -> ids.get(global[l])));
        if (!untestable.get(global[sorted.get(0)]) && global[sorted.get(0)] != bad) {
            return sorted.get(0);
        }
        List<Integer> filtered = sorted.stream().filter(l -> !untestable.get(global[l])).toList();
        int index = skipAwayIndex(filtered.size());
        int pick = filtered.get(Math.min(index, filtered.size() - 1));
        if (global[pick] == bad) {
            pick = index > 0 ? filtered.get(index - 1) : testable.get(0);
        }
        return global[pick] == bad ? testable.get(0) : pick;
    }

    private int distance(int l) {
        return Math.min(weight[l], n - weight[l]);
    }

    List<Integer> section(int k) {
        int m = Math.min(k, testable.size());
        List<Integer> picks = new ArrayList<>();
        for (int j = 1; j <= m; j++) {
            double target = (double) j * n / (m + 1);
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int t = testable.size() - 1; t >= 0; t--) {
                int l = testable.get(t);
                double distance = Math.abs(weight[l] - target);
                if (!picks.contains(l) && distance < bestDistance) {
                    best = l;
                    bestDistance = distance;
                }
            }
            picks.add(best);
        }
        long[] score = score(picks);
        for (int pass = 0; pass < 3; pass++) {
            boolean changed = false;
            for (int slot = 0; slot < picks.size(); slot++) {
                List<Integer> others = new ArrayList<>(picks);
                others.remove(slot);
                List<long[]> classes = classes(others);
                for (int l : testable) {
                    if (picks.contains(l)) {
                        continue;
                    }
                    long[] candidate = score(classes, l);
                    if (better(candidate, score)) {
                        score = candidate;
                        picks.set(slot, l);
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        picks.sort(Comparator.comparingInt((Integer l) -> -Math.min(weight[l], n - weight[l])));
        return picks;
    }

    private boolean better(long[] a, long[] b) {
        return a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
    }

    /** Splits the range into the classes of candidates that the same verdicts on these probes leave. */
    List<long[]> classes(List<Integer> probes) {
        List<long[]> classes = new ArrayList<>();
        long[] all = new long[words];
        for (int l = 0; l < n; l++) {
            all[l >>> 6] |= 1L << l;
        }
        classes.add(all);
        for (int p : probes) {
            List<long[]> next = new ArrayList<>();
            for (long[] c : classes) {
                long[] in = new long[words];
                long[] out = new long[words];
                for (int w = 0; w < words; w++) {
                    in[w] = c[w] & anc[p][w];
                    out[w] = c[w] & ~anc[p][w];
                }
                if (count(in) > 0) {
                    next.add(in);
                }
                if (count(out) > 0) {
                    next.add(out);
                }
            }
            classes = next;
        }
        return classes;
    }

    long[] score(List<Integer> probes) {
        long max = 0;
        long squares = 0;
        for (long[] c : classes(probes)) {
            long size = count(c);
            max = Math.max(max, size);
            squares += size * size;
        }
        return new long[] {max, squares};
    }

    long[] score(List<long[]> classes, int probe) {
        long max = 0;
        long squares = 0;
        long[] a = anc[probe];
        for (long[] c : classes) {
            long in = 0;
            long size = 0;
            for (int w = 0; w < words; w++) {
                in += Long.bitCount(c[w] & a[w]);
                size += Long.bitCount(c[w]);
            }
            long out = size - in;
            max = Math.max(max, Math.max(in, out));
            squares += in * in + out * out;
        }
        return new long[] {max, squares};
    }

    private static int skipAwayIndex(int count) {
        long prn = ((count * 1103515245L + 12345L) & 0xFFFFFFFFL) / 65536 % 32768;
        return (int) ((count * prn / 32768) * sqrti((int) prn) / sqrti(32768));
    }

    private static int sqrti(int value) {
        if (value == 0) {
            return 0;
        }
        float x = value;
        float d;
        do {
            float y = (x + (float) value / x) / 2;
            d = y > x ? y - x : x - y;
            x = y;
        } while (d >= 0.5f);
        return (int) x;
    }

    private static int count(long[] bits) {
        int c = 0;
        for (long b : bits) {
            c += Long.bitCount(b);
        }
        return c;
    }
}
