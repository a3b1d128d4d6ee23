package org.virtregress.hunt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One package a probe installs: its name, its exact version and its file.
 *
 * @param name the package name
 * @param version the version as the package manager writes it ({@code [epoch:]version-release})
 * @param file the package file
 */
public record PackageFile(String name, String version, Path file) {
    /** Checks the parts. */
    public PackageFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(file, "file");
    }
}
