package org.virtregress.repo;

/**
 * Size limits that protect the reader from oversized or malicious metadata.
 *
 * @param maxIndexBytes the largest index file accepted (repomd.xml, InRelease, Release)
 * @param maxMetadataBytes the largest decompressed metadata file accepted (primary.xml,
 *     Packages) when the index does not state its size
 */
public record ReadLimits(long maxIndexBytes, long maxMetadataBytes) {
    /** 16 MiB of index, 4 GiB of decompressed metadata. */
    public static final ReadLimits DEFAULT = new ReadLimits(16L << 20, 4L << 30);
}
