package org.virtregress.bisect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The candidates between the good end(s) and the bad end, with the graph the session bisects.
 *
 * @param goods the good ends as given (resolved ids)
 * @param bad the bad end; the first of {@code candidates}
 * @param candidates every candidate, newest first, the bad end included
 * @param parents each candidate's parents inside the range (path-limited or first-parent graphs are rewritten)
 * @param catalog details and real parents of candidates
 */
public record BisectRange(List<String> goods, String bad, List<Candidate> candidates,
                          Map<String, List<String>> parents, CandidateCatalog catalog) {
    /** Copies the collections and checks that the bad end is a candidate. */
    public BisectRange {
        goods = List.copyOf(goods);
        candidates = List.copyOf(candidates);
        parents = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parents));
        Objects.requireNonNull(catalog, "catalog");
        if (!parents.containsKey(bad)) {
            throw new IllegalArgumentException("bad end " + bad + " is not among the candidates");
        }
    }

    /** Returns a new session over this range. */
    public BisectSession session() {
        return new BisectSession(parents, bad);
    }

    /** Returns the candidate with this id. */
    public Optional<Candidate> candidate(String id) {
        return candidates.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Returns the number of candidates, the bad end included. */
    public int size() {
        return candidates.size();
    }
}
