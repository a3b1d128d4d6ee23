package org.virtregress.bisect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bisection state machine over a graph of candidates, with no I/O: it is told verdicts and
 * answers which candidates to test next, the way {@code git bisect} does on a DAG.
 *
 * <p>The candidates are the ancestors of the bad end that are not ancestors of any good end (for
 * package builds: a linear chain). A GOOD verdict removes a candidate and its ancestors; a BAD
 * verdict makes the candidate the new bad end and keeps only its ancestors; SKIP and WEAK keep the
 * candidate in the range but never choose it again. The next probe maximises
 * {@code min(ancestors, N - ancestors)} among the testable candidates, so a skipped midpoint is
 * replaced by the best testable alternative. {@link #nextProbes(int)} picks k candidates at once
 * that split the range into k+1 parts as equal as the graph allows.
 *
 * <p>The session ends when no testable candidate is left: with a single culprit when only the bad
 * end remains, otherwise with a range of candidates (the bad end and the untestable ones), never a
 * guessed single answer. Verdicts that contradict each other (a good descendant of a bad
 * candidate) are recorded in {@link #notes()} and otherwise ignored.
 *
 * <p>Not thread-safe: one thread drives a session.
 */
public final class BisectSession {
    private final List<String> ids;
    private final Map<String, Integer> index;
    private final int[][] parents;
    private final BitSet remaining = new BitSet();
    private final BitSet untestable = new BitSet();
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private int bad;

    /**
     * Creates a session over a candidate graph.
     *
     * @param parents every candidate mapped to its parents; parents that are not keys (outside the
     *     range) are ignored, and so are keys that are not ancestors of {@code bad}
     * @param bad the bad end; must be a key
     * @throws IllegalArgumentException if {@code bad} is not a candidate or the graph has a cycle
     */
    public BisectSession(Map<String, ? extends Collection<String>> parents, String bad) {
        Objects.requireNonNull(bad, "bad");
        if (!parents.containsKey(bad)) {
            throw new IllegalArgumentException("bad end " + bad + " is not among the candidates");
        }
        this.ids = ancestorsFirst(parents, bad);
        this.index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        this.parents = new int[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            this.parents[i] = parents.get(ids.get(i)).stream().filter(index::containsKey)
                    .mapToInt(index::get).toArray();
        }
        remaining.set(0, ids.size());
        this.bad = index.get(bad);
    }

    /**
     * Returns a session over a linear chain, such as an ordered list of package builds.
     *
     * @param oldestFirst the candidates from the oldest to the newest; the newest is the bad end
     * @return the session
     */
    public static BisectSession linear(List<String> oldestFirst) {
        if (oldestFirst.isEmpty()) {
            throw new IllegalArgumentException("a bisection needs at least the bad end");
        }
        Map<String, List<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            String id = oldestFirst.get(i);
            if (graph.put(id, i == 0 ? List.of() : List.of(oldestFirst.get(i - 1))) != null) {
                throw new IllegalArgumentException("candidate " + id + " appears twice");
            }
        }
        return new BisectSession(graph, oldestFirst.get(oldestFirst.size() - 1));
    }

    private static List<String> ancestorsFirst(Map<String, ? extends Collection<String>> graph, String bad) {
        List<String> order = new ArrayList<>();
        Map<String, Boolean> state = new HashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {bad, new ArrayList<>(graph.get(bad)).iterator()});
        state.put(bad, Boolean.FALSE);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            @SuppressWarnings("unchecked")
            java.util.Iterator<String> it = (java.util.Iterator<String>) top[1];
            if (it.hasNext()) {
                String parent = it.next();
                if (!graph.containsKey(parent)) {
                    continue;
                }
                Boolean seen = state.get(parent);
                if (seen == null) {
                    state.put(parent, Boolean.FALSE);
                    stack.push(new Object[] {parent, new ArrayList<>(graph.get(parent)).iterator()});
                } else if (!seen) {
                    throw new IllegalArgumentException("the candidate graph has a cycle through " + parent);
                }
            } else {
                stack.pop();
                String id = (String) top[0];
                state.put(id, Boolean.TRUE);
                order.add(id);
            }
        }
        return order;
    }

    /**
     * Records a verdict. GOOD and BAD narrow the range; SKIP and WEAK mark the candidate untestable.
     *
     * @param id the candidate
     * @param verdict its verdict
     * @throws IllegalArgumentException if the id is not a candidate
     */
    public void mark(String id, Verdict verdict) {
        Integer i = index.get(id);
        if (i == null) {
            throw new IllegalArgumentException("not a candidate of this bisection: " + id);
        }
        verdicts.put(id, verdict);
        switch (verdict) {
            case GOOD -> markGood(i);
            case BAD -> markBad(i);
            case SKIP, WEAK -> untestable.set(i);
            default -> throw new IllegalStateException(verdict.name());
        }
    }

    /**
     * Records the verdicts of one round at once: goods first, then the bad candidate that leaves the
     * fewest candidates, then the rest, so that no information of a round is lost to ordering.
     *
     * @param round verdicts by candidate
     */
    public void markAll(Map<String, Verdict> round) {
        List<Map.Entry<String, Verdict>> entries = new ArrayList<>(round.entrySet());
        entries.sort(Comparator.comparingInt((Map.Entry<String, Verdict> e) -> rank(e.getValue()))
                .thenComparingInt(e -> e.getValue() == Verdict.BAD ? remainingAncestors(index.get(e.getKey())) : 0));
        for (Map.Entry<String, Verdict> e : entries) {
            mark(e.getKey(), e.getValue());
        }
    }

    private static int rank(Verdict verdict) {
        return switch (verdict) {
            case GOOD -> 0;
            case BAD -> 1;
            default -> 2;
        };
    }

    private int remainingAncestors(Integer i) {
        if (i == null) {
            return Integer.MAX_VALUE;
        }
        BitSet anc = ancestors(i);
        anc.and(remaining);
        return anc.cardinality();
    }

    private void markGood(int i) {
        untestable.clear(i);
        BitSet anc = ancestors(i);
        if (anc.get(bad)) {
            untestable.set(i);
            notes.add("GOOD for " + ids.get(i) + " contradicts BAD for its ancestor " + ids.get(bad)
                    + "; the verdict was set aside");
            return;
        }
        remaining.andNot(anc);
    }

    private void markBad(int i) {
        untestable.clear(i);
        if (remaining.get(i)) {
            remaining.and(ancestors(i));
            bad = i;
        } else if (ancestors(bad).get(i)) {
            untestable.set(i);
            notes.add("BAD for " + ids.get(i) + " contradicts the GOOD verdict of one of its descendants;"
                    + " the verdict was set aside");
        }
        // else: a bad candidate on another branch than the current bad end; sound to leave unused
    }

    private BitSet ancestors(int from) {
        BitSet seen = new BitSet(ids.size());
        Deque<Integer> todo = new ArrayDeque<>();
        todo.push(from);
        seen.set(from);
        while (!todo.isEmpty()) {
            for (int p : parents[todo.pop()]) {
                if (!seen.get(p)) {
                    seen.set(p);
                    todo.push(p);
                }
            }
        }
        return seen;
    }

    /** Returns whether no testable candidate is left. */
    public boolean isDone() {
        return testable().isEmpty();
    }

    /** Returns the first bad candidate once it is known without doubt. */
    public Optional<String> culprit() {
        return isDone() && remaining.cardinality() == 1 ? Optional.of(ids.get(bad)) : Optional.empty();
    }

    /** Returns the candidates still in the range, newest first; the first bad one is among them. */
    public List<String> remaining() {
        List<String> out = new ArrayList<>();
        for (int i = remaining.length() - 1; i >= 0; i = remaining.previousSetBit(i - 1)) {
            out.add(ids.get(i));
        }
        return out;
    }

    /** Returns the number of candidates still in the range, the bad end included. */
    public int remainingCount() {
        return remaining.cardinality();
    }

    /** Returns the current bad end: the oldest candidate known to be bad. */
    public String bad() {
        return ids.get(bad);
    }

    /** Returns the number of candidates the session started with. */
    public int size() {
        return ids.size();
    }

    /** Returns whether the id is one of the candidates. */
    public boolean contains(String id) {
        return index.containsKey(id);
    }

    /** Returns every verdict recorded so far, in order. */
    public Map<String, Verdict> verdicts() {
        return Collections.unmodifiableMap(verdicts);
    }

    /** Returns explanations of verdicts that were set aside because they contradicted others. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * Returns the next candidate to test, chosen as {@code git bisect} does.
     *
     * @return the candidate, or empty when the session is done
     */
    public Optional<String> nextProbe() {
        List<String> next = nextProbes(1);
        return next.isEmpty() ? Optional.empty() : Optional.of(next.get(0));
    }

    /**
     * Returns up to k candidates to test in one round, chosen to split the range into k+1 parts of
     * nearly equal size (optimal on a linear chain; on a DAG, quantiles of the ancestor counts
     * improved by exchanging one pick at a time while the largest part shrinks).
     *
     * @param k how many probes can run at once, at least 1
     * @return the candidates, best first; empty when the session is done
     */
    public List<String> nextProbes(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        ProbeChooser local = new ProbeChooser(ids, parents, remaining, untestable, bad);
        if (local.testable.isEmpty()) {
            return List.of();
        }
        List<Integer> picks = k == 1 || local.testable.size() == 1 ? List.of(local.midpoint()) : local.section(k);
        List<String> out = new ArrayList<>();
        for (int p : picks) {
            out.add(ids.get(local.global[p]));
        }
        return out;
    }

    private List<Integer> testable() {
        List<Integer> out = new ArrayList<>();
        for (int i = remaining.nextSetBit(0); i >= 0; i = remaining.nextSetBit(i + 1)) {
            if (i != bad && !untestable.get(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
