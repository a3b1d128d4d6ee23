package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;

/**
 * A row of the report's new-builds table: one package build a poll detected.
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
public record NewBuildRow(String name, String oldVersion, String newVersion, String arch, String repository,
                       String checksum, String sourceCommit) {

    /**
     * Describes a build that a poll found new.
     *
     * @param change the poll's change: the new build and the one it replaces, if any
     * @return the new build, its old version being the replaced build's
     */
    public static NewBuildRow from(BuildChange change) {
        Build build = change.build();
        return new NewBuildRow(build.name(), change.previous() == null ? null : change.previous().evr(), build.evr(),
                build.arch(), build.repository(), build.checksum().toString(), build.sourceCommit());
    }
}
