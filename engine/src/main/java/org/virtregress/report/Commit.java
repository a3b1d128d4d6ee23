package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtregress.bisect.CandidateDetails;

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
    private static final Pattern PERSON = Pattern.compile("(.*?)\\s*<([^>]*)>\\s*");

    /** Requires the hash and normalizes absent files to an empty list. */
    public Commit {
        Objects.requireNonNull(hash, "hash");
        filesChanged = Lists.copy(filesChanged);
    }

    /** Returns the first 12 characters of the hash. */
    public String shortHash() {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /**
     * Describes a bisection candidate commit, splitting {@code Name <email>} into name and email.
     *
     * @param details the candidate's details
     * @return the commit
     */
    public static Commit from(CandidateDetails details) {
        String name = details.author();
        String email = null;
        if (name != null) {
            Matcher person = PERSON.matcher(name);
            if (person.matches()) {
                name = person.group(1);
                email = person.group(2);
            }
        }
        return new Commit(details.id(), name, email, details.date(), details.subject(), details.filesChanged());
    }
}
