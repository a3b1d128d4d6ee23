package org.virtregress.repo;

/**
 * Size limits that protect the reader from oversized or malicious metadata.
 *
 * @param maxIndexBytes the largest index file accepted (repomd.xml, InRelease, Release)
 * @param maxMetadataBytes the largest decompressed metadata file accepted (primary.xml,
 *     Packages) when the index does not state its size
 * @param maxDebianLineBytes the longest line accepted in a Debian Packages index or Release file
 * @param maxDebianStanzaBytes the largest stanza (one package's paragraph) accepted in a Debian
 *     Packages index
 */
public record ReadLimits(long maxIndexBytes, long maxMetadataBytes, int maxDebianLineBytes,
        int maxDebianStanzaBytes) {
    /**
     * The default longest Debian line, 1 MiB: the longest line of Debian bookworm's main index
     * (a {@code Provides} or {@code Description} line) is 75 KB.
     */
    public static final int DEFAULT_MAX_DEBIAN_LINE_BYTES = 1 << 20;

    /** The default largest Debian stanza, 8 MiB: bookworm's largest is 77 KB. */
    public static final int DEFAULT_MAX_DEBIAN_STANZA_BYTES = 8 << 20;

    /** 16 MiB of index, 4 GiB of decompressed metadata, the default Debian line and stanza caps. */
    public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 4L << 30);

    /** Checks that every limit is positive. */
    public ReadLimits {
        if (maxIndexBytes <= 0 || maxMetadataBytes <= 0 || maxDebianLineBytes <= 0 || maxDebianStanzaBytes <= 0) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    /**
     * Creates limits with the default Debian line and stanza caps.
     *
     * @param maxIndexBytes the largest index file accepted
     * @param maxMetadataBytes the largest decompressed metadata file accepted
     */
    public ReadLimits(long maxIndexBytes, long maxMetadataBytes) {
        this(maxIndexBytes, maxMetadataBytes, DEFAULT_MAX_DEBIAN_LINE_BYTES, DEFAULT_MAX_DEBIAN_STANZA_BYTES);
    }
}
