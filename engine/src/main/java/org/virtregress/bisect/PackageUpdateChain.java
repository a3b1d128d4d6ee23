package org.virtregress.bisect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * When several packages changed between the last good and the first bad build set, finds which
 * package it was: the updates are applied one package at a time, in a fixed order, and the partial
 * states form a linear chain bisected like builds. State 0 is the good set, the last state the bad
 * set; the first bad state names the package whose update broke it.
 *
 * @param states the partial states, from the good set to the bad set
 */
public record PackageUpdateChain(List<PartialState> states) {
    /** Copies the list. */
    public PackageUpdateChain {
        states = List.copyOf(states);
    }

    /**
     * One partial state: the good set with the first updates applied.
     *
     * @param id the state id the bisection uses ({@code "0"} for the good set)
     * @param applied the packages updated so far, in order
     * @param versions every package's version in this state (absent: not installed)
     */
    public record PartialState(String id, List<String> applied, Map<String, String> versions) {
        /** Copies the collections. */
        public PartialState {
            applied = List.copyOf(applied);
            versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        }

        /** Returns the package this state updated last, or {@code null} for the good set. */
        public String lastApplied() {
            return applied.isEmpty() ? null : applied.get(applied.size() - 1);
        }
    }

    /**
     * Builds the chain between two package sets, applying changed packages in name order.
     *
     * @param good package name to version in the good set
     * @param bad package name to version in the bad set
     * @return the chain; one state per changed package plus the good set
     */
    public static PackageUpdateChain between(Map<String, String> good, Map<String, String> bad) {
        TreeSet<String> names = new TreeSet<>(good.keySet());
        names.addAll(bad.keySet());
        List<String> changed = names.stream().filter(n -> !Objects.equals(good.get(n), bad.get(n))).toList();
        return between(good, bad, changed);
    }

    /**
     * Builds the chain between two package sets, applying the changed packages in the given order
     * (for example dependencies first).
     *
     * @param good package name to version in the good set
     * @param bad package name to version in the bad set
     * @param order the changed packages in the order to apply them
     * @return the chain
     */
    public static PackageUpdateChain between(Map<String, String> good, Map<String, String> bad, List<String> order) {
        List<PartialState> states = new ArrayList<>();
        Map<String, String> versions = new LinkedHashMap<>(good);
        List<String> applied = new ArrayList<>();
        states.add(new PartialState("0", applied, versions));
        for (String name : order) {
            String version = bad.get(name);
            if (version == null) {
                versions.remove(name);
            } else {
                versions.put(name, version);
            }
            applied.add(name);
            states.add(new PartialState(Integer.toString(applied.size()), applied, versions));
        }
        return new PackageUpdateChain(states);
    }

    /** Returns the range to bisect: the good set first, the bad set last, labelled by the package applied. */
    public BisectRange range() {
        List<Candidate> chain = new ArrayList<>();
        for (PartialState state : states) {
            String label = state.lastApplied() == null ? "good set"
                    : "update " + state.lastApplied() + " to " + state.versions().getOrDefault(state.lastApplied(),
                    "(removed)");
            chain.add(new Candidate(state.id(), null, label));
        }
        return BuildBisection.ofCandidates(chain);
    }

    /**
     * Returns the state with this id.
     *
     * @param id the state id, as in a bisection result
     * @return the state
     * @throws IllegalArgumentException if there is none
     */
    public PartialState state(String id) {
        return states.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no partial state " + id));
    }
}
