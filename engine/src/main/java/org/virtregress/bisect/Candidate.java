package org.virtregress.bisect;

import java.util.Objects;

/**
 * One thing a bisection can test: a git commit or a package build.
 *
 * @param id the identity the session works with: a full commit hash or a build id
 * @param treeId the content identity used by the result cache (a git tree id); {@code null} when unknown,
 *     and then the candidate is never served from the cache
 * @param label a short human description (a commit subject, a build's name and version)
 */
public record Candidate(String id, String treeId, String label) {
    /** Checks that the id is present. */
    public Candidate {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
    }

    /** Returns a candidate known only by its id. */
    public static Candidate of(String id) {
        return new Candidate(id, null, "");
    }

    /** Returns the id shortened to 12 characters when it looks like a commit hash. */
    public String shortId() {
        return id.length() == 40 && id.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? id.substring(0, 12) : id;
    }
}
