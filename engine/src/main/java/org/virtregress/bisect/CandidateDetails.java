package org.virtregress.bisect;

import java.time.Instant;
import java.util.List;

/**
 * What a report shows about a culprit or a candidate of the final range.
 *
 * @param id the commit hash or build id
 * @param author the author as "Name &lt;email&gt;", or {@code null} for a build
 * @param date the author date, or {@code null} when unknown
 * @param subject the first line of the commit message, or the build's label
 * @param filesChanged the paths the commit changed against its first parent (empty for a build)
 */
public record CandidateDetails(String id, String author, Instant date, String subject, List<String> filesChanged) {
    /** Copies the list and fills empty defaults. */
    public CandidateDetails {
        subject = subject == null ? "" : subject;
        filesChanged = filesChanged == null ? List.of() : List.copyOf(filesChanged);
    }

    /** Returns details that know only the id and a label. */
    public static CandidateDetails of(String id, String label) {
        return new CandidateDetails(id, null, null, label, List.of());
    }
}
