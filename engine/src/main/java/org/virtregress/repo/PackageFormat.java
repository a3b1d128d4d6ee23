package org.virtregress.repo;

import org.virtregress.version.VersionScheme;

/** The package format of a repository, which decides how its versions are ordered. */
public enum PackageFormat {
    /** rpm packages in an rpm-md (yum, dnf, zypper) repository. */
    RPM(VersionScheme.RPM),
    /** Debian packages in an apt repository. */
    DEB(VersionScheme.DEBIAN);

    private final VersionScheme scheme;

    PackageFormat(VersionScheme scheme) {
        this.scheme = scheme;
    }

    /** Returns the version ordering of this format. */
    public VersionScheme scheme() {
        return scheme;
    }
}
