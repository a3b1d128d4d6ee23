package org.virtregress.repo;

import java.time.Instant;
import java.util.Objects;

/**
 * One package build published in a repository: the unit the poller reports, the archive keeps
 * and bisection over builds walks. Immutable and serializable with the engine's JSON mapper.
 *
 * @param name the binary package name, for example {@code qemu-kvm}
 * @param evr the full version: {@code [epoch:]version-release} for rpm,
 *     {@code [epoch:]upstream[-revision]} for Debian
 * @param arch the architecture ({@code x86_64}, {@code noarch}, {@code amd64}, {@code all})
 * @param format the package format, which decides how {@code evr} is ordered
 * @param repository the repository the build was found in, as configured
 * @param location the absolute URL of the package file
 * @param checksum the checksum of the package file
 * @param size the size of the package file in bytes, -1 when unknown
 * @param buildTime when the package was built, null when the metadata does not say (Debian)
 * @param sourcePackage the source package ({@code qemu-9.1.0-1.src.rpm}, Debian {@code Source}),
 *     null when unknown
 * @param sourceCommit the upstream git commit the build was made from, null when unknown
 */
public record Build(String name, String evr, String arch, PackageFormat format, String repository,
        String location, Checksum checksum, long size, Instant buildTime, String sourcePackage,
        String sourceCommit) {
    /** Checks the required parts. */
    public Build {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(evr, "evr");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(checksum, "checksum");
    }

    /** Returns {@code name.arch}, the identity under which successive builds replace each other. */
    public String key() {
        return name + "." + arch;
    }

    /** Returns {@code name-evr.arch}, the usual way to name a build to people. */
    public String nevra() {
        return name + "-" + evr + "." + arch;
    }

    /**
     * Orders this build's version against another's with the format's scheme.
     *
     * @param other a build of the same format
     * @return -1, 0 or 1 as this version is older than, equal to or newer than the other
     */
    public int compareVersion(Build other) {
        return format.scheme().compare(evr, other.evr);
    }

    /**
     * Returns a copy with the upstream source commit set.
     *
     * @param commit the commit hash
     * @return the copy
     */
    public Build withSourceCommit(String commit) {
        return new Build(name, evr, arch, format, repository, location, checksum, size, buildTime,
                sourcePackage, commit);
    }
}
