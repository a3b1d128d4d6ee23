package org.virtregress.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one regression run found, in the order the stages fill it: the new builds a poll
 * detected, the install, the suite results, the bisection over builds and the bisection over
 * commits. Only the schema version, title and time are required; every other part is optional
 * (null or empty) so that a run which stopped after the suite still makes a valid report.
 *
 * <p>Immutable. Serialized as JSON by {@link ReportJson}; rendered by {@link HtmlReport} and
 * {@link TextReport}.
 *
 * @param schemaVersion the version of this JSON schema, {@link #SCHEMA_VERSION} when written by this code
 * @param title what the report is about, for example the job name
 * @param generatedAt when the report was written
 * @param jobId the job that ran, or null
 * @param buildId the build of that job, or null
 * @param summary the overall verdict; null to let renderers derive it from the other parts
 * @param newBuilds the package builds the poll detected
 * @param install the install of those builds, or null
 * @param suites the guest test suites that ran
 * @param packageUpdates which package of several updated at once broke the suite, or null
 * @param buildBisection the bisection over archived package builds, or null
 * @param commitBisection the bisection over upstream commits, or null
 * @param packagingChange the packaging change found instead of a commit (same upstream source), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegressionReport(int schemaVersion, String title, Instant generatedAt, String jobId, String buildId,
                               Summary summary, List<NewBuildRow> newBuilds, InstallRecord install,
                               List<SuiteReport> suites, PackageUpdateSection packageUpdates,
                               BuildBisectionSection buildBisection,
                               CommitBisection commitBisection, PackagingChangeSection packagingChange) {
    /** The schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    /** Normalizes absent lists to empty ones and requires the title and time. */
    public RegressionReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(generatedAt, "generatedAt");
        newBuilds = Lists.copy(newBuilds);
        suites = Lists.copy(suites);
    }

    /**
     * Starts a report of the current schema version.
     *
     * @param title what the report is about
     * @param generatedAt when it is written
     * @return a builder
     */
    public static Builder builder(String title, Instant generatedAt) {
        return new Builder(title, generatedAt);
    }

    /** Returns the summary given, or one derived from the suites and bisections when none was given. */
    public Summary effectiveSummary() {
        return summary != null ? summary : Summary.derive(this);
    }

    /** Collects the parts of a {@link RegressionReport}. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private final Instant generatedAt;
        private String jobId;
        private String buildId;
        private Summary summary;
        private List<NewBuildRow> newBuilds = List.of();
        private InstallRecord install;
        private List<SuiteReport> suites = List.of();
        private PackageUpdateSection packageUpdates;
        private BuildBisectionSection buildBisection;
        private CommitBisection commitBisection;
        private PackagingChangeSection packagingChange;

        private Builder(String title, Instant generatedAt) {
            this.title = title;
            this.generatedAt = generatedAt;
        }

        /** Names the job and the build that produced the report. */
        public Builder job(String job, String build) {
            this.jobId = job;
            this.buildId = build;
            return this;
        }

        /** Sets the overall verdict; derived from the other parts when not set. */
        public Builder summary(Summary value) {
            this.summary = value;
            return this;
        }

        /** Sets the new builds the poll detected. */
        public Builder newBuilds(List<NewBuildRow> value) {
            this.newBuilds = value;
            return this;
        }

        /** Sets the install of the new builds. */
        public Builder install(InstallRecord value) {
            this.install = value;
            return this;
        }

        /** Sets the suites that ran. */
        public Builder suites(List<SuiteReport> value) {
            this.suites = value;
            return this;
        }

        /** Sets which package of several updated at once broke the suite. */
        public Builder packageUpdates(PackageUpdateSection value) {
            this.packageUpdates = value;
            return this;
        }

        /** Sets the bisection over package builds. */
        public Builder buildBisection(BuildBisectionSection value) {
            this.buildBisection = value;
            return this;
        }

        /** Sets the bisection over commits. */
        public Builder commitBisection(CommitBisection value) {
            this.commitBisection = value;
            return this;
        }

        /** Sets the packaging change named instead of a commit. */
        public Builder packagingChange(PackagingChangeSection value) {
            this.packagingChange = value;
            return this;
        }

        /** Returns the report. */
        public RegressionReport build() {
            return new RegressionReport(SCHEMA_VERSION, title, generatedAt, jobId, buildId, summary, newBuilds,
                    install, suites, packageUpdates, buildBisection, commitBisection, packagingChange);
        }
    }
}
