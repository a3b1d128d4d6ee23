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
 */
public record ReadLimits(long maxIndexBytes, long maxMetadataBytes, long maxNodeBytes) {
    /** 8 MiB of one XML node, far above any real package description. */
    public static final long DEFAULT_NODE_BYTES = 8L << 20;

    /** 16 MiB of index, 4 GiB of decompressed metadata, 8 MiB of one XML node. */
    public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 4L << 30, DEFAULT_NODE_BYTES);

    /** Checks that every limit is positive. */
    public ReadLimits {
        if (maxIndexBytes <= 0 || maxMetadataBytes <= 0 || maxNodeBytes <= 0) {
            throw new IllegalArgumentException("read limits must be positive: " + maxIndexBytes + ", "
                    + maxMetadataBytes + ", " + maxNodeBytes);
        }
    }

    /**
     * Creates limits with the default XML node limit.
     *
     * @param maxIndexBytes the largest index file accepted
     * @param maxMetadataBytes the largest decompressed metadata file accepted
     */
    public ReadLimits(long maxIndexBytes, long maxMetadataBytes) {
        this(maxIndexBytes, maxMetadataBytes, DEFAULT_NODE_BYTES);
    }
}
