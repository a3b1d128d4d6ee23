package org.virtregress.repo;

/**
 * Size limits that protect the reader from oversized or malicious metadata.
 *
 * @param maxIndexBytes the largest index file accepted (repomd.xml, InRelease, Release)
 * @param maxMetadataBytes the largest decompressed metadata file accepted (primary.xml,
 *     Packages); an index stating a larger decompressed size is refused, and a file stating a
 *     smaller one may not grow past what it states
 * @param maxNodeBytes the longest XML text node, tag with its attributes, comment or run of
 *     whitespace between elements accepted in repomd.xml and primary.xml
 * @param maxDebianLineBytes the longest line accepted in a Debian Packages index or Release file
 * @param maxDebianStanzaBytes the largest stanza (one package's paragraph) accepted in a Debian
 *     Packages index
 */
public record ReadLimits(long maxIndexBytes, long maxMetadataBytes, long maxNodeBytes, int maxDebianLineBytes,
        int maxDebianStanzaBytes) {
    /** 8 MiB of one XML node, far above any real package description. */
    public static final long DEFAULT_NODE_BYTES = 8L << 20;

    /**
     * The default longest Debian line, 1 MiB: the longest line of Debian bookworm's main index
     * (a {@code Provides} or {@code Description} line) is 75 KB.
     */
    public static final int DEFAULT_MAX_DEBIAN_LINE_BYTES = 1 << 20;

    /** The default largest Debian stanza, 8 MiB: bookworm's largest is 77 KB. */
    public static final int DEFAULT_MAX_DEBIAN_STANZA_BYTES = 8 << 20;

    /** 16 MiB of index, 4 GiB of decompressed metadata, 8 MiB of one XML node, the default Debian caps. */
    public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 4L << 30, DEFAULT_NODE_BYTES);

    /** Checks that every limit is positive. */
    public ReadLimits {
        if (maxIndexBytes <= 0 || maxMetadataBytes <= 0 || maxNodeBytes <= 0 || maxDebianLineBytes <= 0
                || maxDebianStanzaBytes <= 0) {
            throw new IllegalArgumentException("read limits must be positive: " + maxIndexBytes + ", "
                    + maxMetadataBytes + ", " + maxNodeBytes + ", " + maxDebianLineBytes + ", " + maxDebianStanzaBytes);
        }
    }

    /**
     * Creates limits with the default Debian line and stanza caps.
     *
     * @param maxIndexBytes the largest index file accepted
     * @param maxMetadataBytes the largest decompressed metadata file accepted
     * @param maxNodeBytes the longest XML node accepted
     */
    public ReadLimits(long maxIndexBytes, long maxMetadataBytes, long maxNodeBytes) {
        this(maxIndexBytes, maxMetadataBytes, maxNodeBytes, DEFAULT_MAX_DEBIAN_LINE_BYTES,
                DEFAULT_MAX_DEBIAN_STANZA_BYTES);
    }

    /**
     * Creates limits with the default XML node limit and Debian caps.
     *
     * @param maxIndexBytes the largest index file accepted
     * @param maxMetadataBytes the largest decompressed metadata file accepted
     */
    public ReadLimits(long maxIndexBytes, long maxMetadataBytes) {
        this(maxIndexBytes, maxMetadataBytes, DEFAULT_NODE_BYTES);
    }
}
