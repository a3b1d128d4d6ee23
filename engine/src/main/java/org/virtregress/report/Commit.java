package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An upstream commit as the report shows it: the culprit, or one candidate of a range.
 *
 * @param hash the full hash
 * @param author the author name, or null
 * @param email the author email, or null
 * @param date the author date, or null
 * @param subject the first line of the message, or null
 * @param filesChanged the paths the commit changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Commit(String hash, String author, String email, Instant date, String subject,
                     List<String> filesChanged) {
    /** Requires the hash and normalizes absent files to an empty list. */
    public Commit {
        Objects.requireNonNull(hash, "hash");
        filesChanged = Lists.copy(filesChanged);
    }

    /** Returns the first 12 characters of the hash. */
    public String shortHash() {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
