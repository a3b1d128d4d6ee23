package io.jenkins.plugins.virtregress.model;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A package build a poll found new: what the repository holds now, and what it held before.
 * Small and immutable, so it is kept in {@code build.xml} (with the trigger's cause and action) and
 * carried across the remoting channel.
 */
public final class NewBuild implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String version;
    private final String previousVersion;
    private final String arch;
    private final String repository;
    private final String checksum;
    private final String sourceCommit;

    /**
     * Creates a new build.
     *
     * @param name the package name
     * @param version the version (EVR) found now
     * @param previousVersion the version seen at the previous poll, or null for a first sighting
     * @param arch the architecture
     * @param repository the repository it was found in (its name, or its URL)
     * @param checksum the package checksum, telling rebuilds of the same version apart
     * @param sourceCommit the upstream commit it was built from, or null when unknown
     */
    public NewBuild(String name, String version, String previousVersion, String arch, String repository,
            String checksum, String sourceCommit) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.previousVersion = previousVersion;
        this.arch = arch;
        this.repository = repository;
        this.checksum = checksum;
        this.sourceCommit = sourceCommit;
    }

    /** Returns the name. */
    public String getName() {
        return name;
    }

    /** Returns the version. */
    public String getVersion() {
        return version;
    }

    /** Returns the previous version. */
    public String getPreviousVersion() {
        return previousVersion;
    }

    /** Returns the architecture. */
    public String getArch() {
        return arch;
    }

    /** Returns the repository. */
    public String getRepository() {
        return repository;
    }

    /** Returns the checksum. */
    public String getChecksum() {
        return checksum;
    }

    /** Returns the source commit. */
    public String getSourceCommit() {
        return sourceCommit;
    }

    /**
     * Tells whether this is a rebuild: the same version as before with a different checksum.
     *
     * @return true for a same-version rebuild
     */
    public boolean isRebuild() {
        return version.equals(previousVersion);
    }

    /**
     * Returns the build as a map with string keys, the shape Pipeline scripts and the JSON
     * environment variable see. Absent values are left out.
     *
     * @return the fields by name, in a stable order
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("version", version);
        putIfPresent(map, "previousVersion", previousVersion);
        putIfPresent(map, "arch", arch);
        putIfPresent(map, "repository", repository);
        putIfPresent(map, "checksum", checksum);
        putIfPresent(map, "sourceCommit", sourceCommit);
        map.put("rebuild", isRebuild());
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewBuild other && name.equals(other.name) && version.equals(other.version)
                && Objects.equals(previousVersion, other.previousVersion) && Objects.equals(arch, other.arch)
                && Objects.equals(repository, other.repository) && Objects.equals(checksum, other.checksum)
                && Objects.equals(sourceCommit, other.sourceCommit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, previousVersion, arch, repository, checksum, sourceCommit);
    }

    @Override
    public String toString() {
        return NewBuildsText.describe(this);
    }
}
