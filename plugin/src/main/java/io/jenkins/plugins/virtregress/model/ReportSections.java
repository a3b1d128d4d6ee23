package io.jenkins.plugins.virtregress.model;

import java.util.List;
import org.virtregress.report.NewBuildRow;

/**
 * Maps what the plugin keeps of a build's trigger to the regression report; the engine's own
 * results map themselves ({@code InstallRecord.from}, {@code SuiteReport.from},
 * {@code CommitBisection.from}). No Jenkins types: the mapping is tested alone.
 */
public final class ReportSections {
    private ReportSections() {
    }

    /**
     * Maps the new builds that started a build.
     *
     * @param builds the new builds
     * @return the new-builds section
     */
    public static List<NewBuildRow> newBuilds(List<NewBuild> builds) {
        return builds.stream().map(b -> new NewBuildRow(b.getName(), b.getPreviousVersion(),
                b.getVersion(), b.getArch(), b.getRepository(), b.getChecksum(), b.getSourceCommit())).toList();
    }
}
