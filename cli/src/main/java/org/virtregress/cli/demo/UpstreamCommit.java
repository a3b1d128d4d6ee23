package org.virtregress.cli.demo;

/**
 * One commit of the demo's upstream project.
 *
 * @param number its position on the history, from 1 (the package version is {@code 1.0.NUMBER})
 * @param hash the full commit hash
 * @param subject the first line of its message
 */
public record UpstreamCommit(int number, String hash, String subject) {
    /** Returns the hash shortened to 12 characters. */
    public String shortHash() {
        return hash.substring(0, 12);
    }

    /** Returns the package version built from this commit. */
    public String version() {
        return "1.0." + number;
    }
}
