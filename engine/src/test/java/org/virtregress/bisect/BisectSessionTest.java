package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BisectSessionTest {
    private static List<String> chain(int n) {
        return IntStream.range(0, n).mapToObj(i -> "b" + i).toList();
    }

    /** Runs a session to its end with a verdict function; returns the number of rounds. */
    private static int drive(BisectSession session, int k, java.util.function.Function<String, Verdict> verdict) {
        int rounds = 0;
        while (!session.isDone()) {
            rounds++;
            Map<String, Verdict> round = new LinkedHashMap<>();
            for (String id : session.nextProbes(k)) {
                round.put(id, verdict.apply(id));
            }
            session.markAll(round);
            assertThat(rounds).isLessThan(10_000);
        }
        return rounds;
    }

    /** A random DAG: each node has one or two earlier parents; the last node is the bad end. */
    private static Map<String, List<String>> randomDag(int n, Random random) {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> parents = new ArrayList<>();
            if (i > 0) {
                parents.add("n" + (i - 1 - random.nextInt(Math.min(i, 3))));
                if (i > 2 && random.nextInt(4) == 0) {
                    String second = "n" + random.nextInt(i - 1);
                    if (!parents.contains(second)) {
                        parents.add(second);
                    }
                }
            }
            graph.put("n" + i, parents);
        }
        return graph;
    }

    private static Set<String> ancestors(Map<String, List<String>> graph, String from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(graph.get(id));
            }
        }
        return seen;
    }

    @Test
    void shouldFindEveryCulpritOfALinearChainInAtMostLog2Probes() {
        List<String> ids = chain(1000);
        for (int culprit = 0; culprit < 1000; culprit += 37) {
            int c = culprit;
            BisectSession session = BisectSession.linear(ids);

            int probes = drive(session, 1, id -> Integer.parseInt(id.substring(1)) >= c ? Verdict.BAD : Verdict.GOOD);

            assertThat(session.culprit()).contains("b" + c);
            assertThat(probes).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void shouldPickTheMidpointAsGitDoes() {
        BisectSession session = BisectSession.linear(chain(100));

        assertThat(session.nextProbe()).contains("b49");
        session.mark("b49", Verdict.GOOD);
        assertThat(session.remainingCount()).isEqualTo(50);
        assertThat(session.nextProbe()).contains("b74");
    }

    @Test
    void shouldSplitAChainIntoEqualPartsWithKProbes() {
        BisectSession session = BisectSession.linear(chain(100));

        assertThat(session.nextProbes(3)).containsExactlyInAnyOrder("b24", "b49", "b74");
        List<Integer> two = session.nextProbes(2).stream().map(id -> Integer.parseInt(id.substring(1))).sorted().toList();
        assertThat(List.of(two.get(0) + 1, two.get(1) - two.get(0), 99 - two.get(1))).allMatch(part -> part <= 34);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldNeedAboutLogKPlusOneRoundsOnAChain(int k) {
        int n = 10_000;
        List<String> ids = chain(n);
        int bound = (int) Math.ceil(Math.log(n) / Math.log(k + 1)) + 1;
        for (int culprit : new int[] {0, 1, 2_500, 4_999, 7_777, 9_998, 9_999}) {
            BisectSession session = BisectSession.linear(ids);

            int rounds = drive(session, k, id -> Integer.parseInt(id.substring(1)) >= culprit ? Verdict.BAD : Verdict.GOOD);

            assertThat(session.culprit()).contains("b" + culprit);
            assertThat(rounds).as("culprit %d", culprit).isLessThanOrEqualTo(bound);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldFindTheCulpritOnRandomDags(int k) {
        Random random = new Random(42 + k);
        for (int trial = 0; trial < 200; trial++) {
            Map<String, List<String>> graph = randomDag(5 + random.nextInt(150), random);
            List<String> ids = new ArrayList<>(graph.keySet());
            String bad = ids.get(ids.size() - 1);
            List<String> inRange = new ArrayList<>(ancestors(graph, bad));
            String culprit = inRange.get(random.nextInt(inRange.size()));
            BisectSession session = new BisectSession(graph, bad);

            drive(session, k, id -> ancestors(graph, id).contains(culprit) ? Verdict.BAD : Verdict.GOOD);

            assertThat(session.culprit()).as("trial %d", trial).contains(culprit);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void shouldNeverGiveAWrongSingleAnswerWhenCandidatesAreUntestable(int k) {
        Random random = new Random(7 + k);
        int ranges = 0;
        for (int trial = 0; trial < 200; trial++) {
            Map<String, List<String>> graph = randomDag(5 + random.nextInt(100), random);
            List<String> ids = new ArrayList<>(graph.keySet());
            String bad = ids.get(ids.size() - 1);
            List<String> inRange = new ArrayList<>(ancestors(graph, bad));
            String culprit = inRange.get(random.nextInt(inRange.size()));
            Set<String> untestable = new HashSet<>();
            int at = random.nextInt(ids.size());
            for (int i = at; i < Math.min(ids.size() - 1, at + random.nextInt(6)); i++) {
                untestable.add(ids.get(i));
            }
            Predicate<String> isBad = id -> ancestors(graph, id).contains(culprit);
            BisectSession session = new BisectSession(graph, bad);

            drive(session, k, id -> untestable.contains(id) ? Verdict.SKIP : isBad.test(id) ? Verdict.BAD : Verdict.GOOD);

            if (session.culprit().isPresent()) {
                assertThat(session.culprit()).contains(culprit);
            } else {
                ranges++;
                assertThat(session.remaining()).contains(culprit).contains(session.bad());
                assertThat(session.remaining()).allMatch(id -> id.equals(session.bad()) || untestable.contains(id));
            }
        }
        assertThat(ranges).isPositive();
    }

    @Test
    void shouldEndWithTheRangeOfSkippedCandidatesAndTheBadEnd() {
        BisectSession session = BisectSession.linear(chain(10));
        Set<String> untestable = Set.of("b4", "b5", "b6");

        drive(session, 1, id -> untestable.contains(id) ? Verdict.SKIP
                : Integer.parseInt(id.substring(1)) >= 5 ? Verdict.BAD : Verdict.GOOD);

        assertThat(session.culprit()).isEmpty();
        assertThat(session.remaining()).containsExactly("b7", "b6", "b5", "b4");
        assertThat(session.bad()).isEqualTo("b7");
    }

    @Test
    void shouldTreatWeakCandidatesLikeUntestableOnes() {
        BisectSession session = BisectSession.linear(chain(4));

        session.mark("b1", Verdict.GOOD);
        session.mark("b2", Verdict.WEAK);

        assertThat(session.isDone()).isTrue();
        assertThat(session.remaining()).containsExactly("b3", "b2");
        assertThat(session.verdicts()).containsEntry("b2", Verdict.WEAK);
    }

    @Test
    void shouldSetAsideAGoodVerdictOnADescendantOfABadCandidate() {
        BisectSession session = BisectSession.linear(chain(10));
        session.mark("b3", Verdict.BAD);

        session.mark("b3", Verdict.GOOD);

        assertThat(session.notes()).singleElement().asString().contains("contradicts");
        assertThat(session.remaining()).containsExactly("b3", "b2", "b1", "b0");
    }

    @Test
    void shouldChooseProbesOnBothSidesOfAMerge() {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        graph.put("m", List.of("a3", "b3"));
        graph.put("a3", List.of("a2"));
        graph.put("a2", List.of("a1"));
        graph.put("a1", List.of());
        graph.put("b3", List.of("b2"));
        graph.put("b2", List.of("b1"));
        graph.put("b1", List.of());
        BisectSession session = new BisectSession(graph, "m");

        List<String> picks = session.nextProbes(2);

        assertThat(picks).hasSize(2);
        assertThat(String.join("", picks)).contains("a").contains("b");
    }

    @Test
    void shouldRejectUnknownCandidatesAndCycles() {
        BisectSession session = BisectSession.linear(chain(3));
        assertThatThrownBy(() -> session.mark("x", Verdict.GOOD)).hasMessageContaining("x");
        assertThatThrownBy(() -> new BisectSession(Map.of("a", List.of("b"), "b", List.of("a")), "a"))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> BisectSession.linear(List.of("a", "a"))).hasMessageContaining("twice");
    }
}
