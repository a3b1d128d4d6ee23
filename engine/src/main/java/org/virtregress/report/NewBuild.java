package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One package build a poll detected.
 *
 * @param name the package name
 * @param oldVersion the version seen before, null when the package is new
 * @param newVersion the version detected (full EVR, for example {@code 2:8.2.0-3.fc40})
 * @param arch the architecture
 * @param repository the repository it was found in (name or URL)
 * @param checksum the package checksum as {@code algorithm:hex}, or null
 * @param sourceCommit the upstream commit the build was made from, or null when unknown
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewBuild(String name, String oldVersion, String newVersion, String arch, String repository,
                       String checksum, String sourceCommit) {
}
