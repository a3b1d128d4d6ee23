package org.virtregress.repo;

import java.nio.file.Path;
import java.util.function.Predicate;

/** Reads the builds of watched packages from one kind of repository. */
public interface RepositoryReader {
    /**
     * Reads the repository unless its index is unchanged.
     *
     * @param repository the repository
     * @param previous the index read last time, or null to force a full read
     * @param names which package names to keep
     * @param metadataCopy a directory to copy the downloaded metadata files into, or null
     * @return what was found
     * @throws PublishingInProgressException if the metadata is inconsistent
     * @throws RepositoryException if the repository cannot be read
     */
    RepositorySnapshot read(Repository repository, IndexMark previous, Predicate<String> names, Path metadataCopy)
            throws RepositoryException;

    /**
     * Returns the reader for a repository's format.
     *
     * @param format the format
     * @param fetcher the fetcher to download with
     * @param limits the size limits
     * @return the reader
     */
    static RepositoryReader of(PackageFormat format, Fetcher fetcher, ReadLimits limits) {
        return format == PackageFormat.RPM ? new RpmMdReader(fetcher, limits) : new DebianRepoReader(fetcher, limits);
    }
}
