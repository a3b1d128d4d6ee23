package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ProbeChooserTest {
    private static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
    }

    /** Parents of each node, all earlier than the node; with merges, some nodes get two or three parents. */
    private static int[][] randomGraph(int n, boolean merges, Random random) {
        int[][] parents = new int[n][];
        for (int i = 0; i < n; i++) {
            if (i == 0 || (!merges && random.nextInt(50) == 0)) {
                parents[i] = new int[0];
                continue;
            }
            int first = i - 1 - random.nextInt(Math.min(i, 4));
            if (merges && i > 2 && random.nextInt(3) == 0) {
                int second = random.nextInt(i);
                int third = random.nextInt(i);
                parents[i] = second == first ? new int[] {first}
                        : third == first || third == second || random.nextBoolean() ? new int[] {first, second}
                        : new int[] {first, second, third};
            } else {
                parents[i] = new int[] {first};
            }
        }
        return parents;
    }

    /** Keeps most nodes, as after some verdicts; the bad end (the last node) stays. */
    private static BitSet randomRemaining(int n, Random random) {
        BitSet remaining = new BitSet();
        for (int i = 0; i < n; i++) {
            if (i == n - 1 || random.nextInt(10) > 0) {
                remaining.set(i);
            }
        }
        return remaining;
    }

    /** The plain count: a walk over the remaining parents from the node, the node included. */
    private static int walkCount(int[][] parents, BitSet remaining, int from) {
        BitSet seen = new BitSet();
        Deque<Integer> todo = new ArrayDeque<>(List.of(from));
        seen.set(from);
        while (!todo.isEmpty()) {
            for (int p : parents[todo.pop()]) {
                if (remaining.get(p) && !seen.get(p)) {
                    seen.set(p);
                    todo.push(p);
                }
            }
        }
        return seen.cardinality();
    }

    private static void assertWeightsMatchWalks(int[][] parents, BitSet remaining) {
        int n = parents.length;
        ProbeChooser chooser = new ProbeChooser(ids(n), parents, remaining, new BitSet(), n - 1);

        assertThat(chooser.n).isEqualTo(remaining.cardinality());
        long[][] sets = chooser.ancestors();
        for (int l = 0; l < chooser.n; l++) {
            int expected = walkCount(parents, remaining, chooser.global[l]);
            assertThat(chooser.weight[l]).as("weight of c%d", chooser.global[l]).isEqualTo(expected);
            assertThat(sets[l].length).isEqualTo(chooser.words);
            assertThat(BitSet.valueOf(sets[l]).cardinality()).as("ancestor set of c%d", chooser.global[l])
                    .isEqualTo(expected);
        }
    }

    @Test
    void shouldCountAncestorsLikeAGraphWalkOnRandomDags() {
        Random random = new Random(42);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + random.nextInt(300);
            int[][] parents = randomGraph(n, true, random);

            assertWeightsMatchWalks(parents, randomRemaining(n, random));
        }
    }

    @Test
    void shouldCountAncestorsLikeAGraphWalkOnChainsAndUnmergedBranches() {
        Random random = new Random(7);
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + random.nextInt(300);
            int[][] parents = randomGraph(n, false, random);

            assertWeightsMatchWalks(parents, randomRemaining(n, random));
        }
    }

    @Test
    void shouldPickTheMiddleOfALongChain() {
        int n = 10_001;
        int[][] parents = new int[n][];
        for (int i = 0; i < n; i++) {
            parents[i] = i == 0 ? new int[0] : new int[] {i - 1};
        }
        BitSet remaining = new BitSet();
        remaining.set(0, n);

        ProbeChooser chooser = new ProbeChooser(ids(n), parents, remaining, new BitSet(), n - 1);

        assertThat(chooser.weight[n - 1]).isEqualTo(n);
        assertThat(chooser.global[chooser.midpoint()]).isEqualTo(n / 2 - 1);
    }

    @Test
    void shouldSplitAMergeIntoItsBranchesWhenCountingAncestors() {
        // c0 - c1 - c2 - c5 (merge of c2 and c4) - c6; c0 - c3 - c4
        int[][] parents = {{}, {0}, {1}, {0}, {3}, {2, 4}, {5}};
        BitSet remaining = new BitSet();
        remaining.set(0, 7);

        ProbeChooser chooser = new ProbeChooser(ids(7), parents, remaining, new BitSet(), 6);

        assertThat(chooser.weight).containsExactly(1, 2, 3, 2, 3, 6, 7);
        assertThat(new ArrayList<>(chooser.testable)).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
