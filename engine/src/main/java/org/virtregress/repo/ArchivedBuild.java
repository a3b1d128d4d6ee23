package org.virtregress.repo;

/**
 * A build kept in the archive.
 *
 * @param build the build as the repository described it
 * @param file the package file, relative to the archive directory
 * @param metadata the directory holding the copy of the repository metadata it was found in,
 *     relative to the archive directory; null when none was kept
 * @param archivedAt when it was archived
 */
public record ArchivedBuild(Build build, String file, String metadata, java.time.Instant archivedAt) {
}
