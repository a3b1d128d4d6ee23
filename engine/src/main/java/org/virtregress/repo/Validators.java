package org.virtregress.repo;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a server said about a file's version, sent back on the next request so that an
 * unchanged file costs a 304 and no body.
 *
 * @param etag the {@code ETag} header, null when absent
 * @param lastModified the {@code Last-Modified} header, null when absent
 */
public record Validators(String etag, String lastModified) {
    /** No validators: the next request is unconditional. */
    public static final Validators NONE = new Validators(null, null);

    /** Tells whether there is anything to send. */
    @JsonIgnore
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
