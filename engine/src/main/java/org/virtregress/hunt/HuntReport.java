package org.virtregress.hunt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.virtregress.bisect.BisectResult;
import org.virtregress.bisect.ProbeRecord;
import org.virtregress.report.BuildBisectionSection;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.Confidence;
import org.virtregress.report.HtmlReport;
import org.virtregress.report.InstallRecord;
import org.virtregress.report.PackageUpdateSection;
import org.virtregress.report.PackagingChangeSection;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportJson;
import org.virtregress.report.Summary;
import org.virtregress.report.TextReport;
import org.virtregress.storage.AtomicFile;
import org.virtregress.storage.Json;

/**
 * The report of a hunt: fills the regression report's parts from the levels (which package, the
 * build and commit bisections, the install that left the host at the failing set, a headline naming the package,
 * build and commit) and writes it as {@code report.json}, {@code report.html} and
 * {@code report.txt}, with every level in full in {@code hunt.json}. Immutable.
 */
public final class HuntReport {
    private final HuntResult result;
    private final Map<String, String> labels;
    private final Map<String, Integer> remaining;

    /**
     * The files written.
     *
     * @param json the report as JSON
     * @param html the self-contained HTML page
     * @param textFile the plain-text report
     * @param hunt every level in full, as JSON
     * @param text the plain text itself, for the console
     */
    public record Files(Path json, Path html, Path textFile, Path hunt, String text) {
    }

    HuntReport(HuntResult result, Map<String, String> labels, Map<String, Integer> remaining) {
        this.result = result;
        this.labels = Map.copyOf(labels);
        this.remaining = Map.copyOf(remaining);
    }

    /** Returns what the hunt found. */
    public HuntResult result() {
        return result;
    }

    /**
     * Adds the hunt's parts to a report: the summary, which package, the build and commit bisections
     * and the final install.
     *
     * @param report the report being built
     * @return the same builder
     */
    public RegressionReport.Builder fill(RegressionReport.Builder report) {
        report.summary(summary());
        HuntResult.PackageLevel packages = result.packages();
        if (packages != null) {
            report.packageUpdates(PackageUpdateSection.from(packages.order(), result.good(), result.bad(),
                    packages.bisection(), packages.culprit(), this::label, this::remainingAfter));
        }
        HuntResult.BuildLevel builds = result.builds();
        if (builds != null) {
            report.buildBisection(BuildBisectionSection.from(builds.packageName(), builds.bisection(), builds.lastGood(),
                    builds.firstBad(), this::label, this::remainingAfter));
        }
        HuntResult.CommitLevel commits = result.commits();
        if (commits != null && commits.bisection() != null) {
            report.commitBisection(CommitBisection.from(Path.of(commits.repository()).toUri().toString(),
                    commits.bisection(), id -> subject(label(id)), this::remainingAfter));
        }
        HuntResult.PackagingChange packaging = result.packaging();
        if (packaging != null) {
            report.packagingChange(new PackagingChangeSection(packaging.packageName(), packaging.upstream(),
                    packaging.lastGood(), packaging.firstBad(), packaging.changelog(), packaging.changelogNotes()));
        }
        List<org.virtregress.install.InstallResult> restored = result.restored();
        if (!restored.isEmpty()) {
            report.install(InstallRecord.from(restored.get(restored.size() - 1)));
        }
        return report;
    }

    /**
     * Writes a report of the hunt alone.
     *
     * @param directory the directory, created when missing
     * @param title the report's title
     * @return the files
     * @throws IOException if a file cannot be written
     */
    public Files write(Path directory, String title) throws IOException {
        return write(directory, fill(RegressionReport.builder(title, Instant.now())).build());
    }

    /**
     * Writes a report that holds the hunt's parts (see {@link #fill}), and {@code hunt.json}.
     *
     * @param directory the directory, created when missing
     * @param report the report
     * @return the files
     * @throws IOException if a file cannot be written
     */
    public Files write(Path directory, RegressionReport report) throws IOException {
        return write(report, result, directory);
    }

    /**
     * Writes a report and, when a hunt ran, {@code hunt.json} and its levels at the end of the text.
     *
     * @param report the report
     * @param result what the hunt found, or {@code null} when none ran
     * @param directory the directory, created when missing
     * @return the files ({@code hunt} is still named when no hunt ran, but not written)
     * @throws IOException if a file cannot be written
     */
    public static Files write(RegressionReport report, HuntResult result, Path directory) throws IOException {
        java.nio.file.Files.createDirectories(directory);
        Path json = directory.resolve("report.json");
        Path html = directory.resolve("report.html");
        Path textFile = directory.resolve("report.txt");
        Path hunt = directory.resolve("hunt.json");
        String text = TextReport.render(report) + (result == null ? "" : levels(result));
        ReportJson.write(json, report);
        AtomicFile.write(html, HtmlReport.page(report).getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(textFile, text.getBytes(StandardCharsets.UTF_8));
        if (result != null) {
            Json.writeAtomically(hunt, result);
        }
        return new Files(json, html, textFile, hunt, text);
    }

    /** Returns the headline: the culprit package, build and commit, or why the hunt stopped. */
    public Summary summary() {
        Summary.Status status = switch (result.ending()) {
            case COMMIT, BUILD, PACKAGING -> Summary.Status.REGRESSION;
            case INCONCLUSIVE -> Summary.Status.INCONCLUSIVE;
            case NO_REGRESSION -> result.signature() == null ? Summary.Status.PASS : Summary.Status.FAIL;
            default -> Summary.Status.ERROR;
        };
        return new Summary(status, result.message());
    }

    /** Returns the levels as text lines: which package, which build, which commit, or the packaging change. */
    public String levels() {
        return levels(result);
    }

    private static String levels(HuntResult result) {
        StringBuilder out = new StringBuilder("\nHunt\n");
        out.append("  ended: ").append(result.ending()).append(" at level ").append(result.level()).append('\n');
        out.append("  good set: ").append(result.good()).append('\n');
        out.append("  failing set: ").append(result.bad()).append('\n');
        if (result.signature() != null) {
            out.append("  failure chased: ").append(result.signature()).append('\n');
        }
        HuntResult.PackageLevel packages = result.packages();
        if (packages != null) {
            out.append("  which package: ").append(packages.bisection().outcome()).append(", updates applied in order ")
                    .append(packages.order()).append(packages.culprit() == null ? ""
                    : ": the update of " + packages.culprit() + " breaks the suite").append('\n');
        }
        HuntResult.BuildLevel builds = result.builds();
        if (builds != null) {
            out.append("  which build: ").append(builds.bisection().outcome()).append(" over ")
                    .append(builds.candidates().size()).append(" builds of ").append(builds.packageName())
                    .append(builds.firstBad() == null ? "" : ": first bad " + builds.firstBad().nevra() + ", last good "
                    + builds.lastGood().nevra()).append('\n');
            confidence(out, builds.bisection());
        }
        HuntResult.CommitLevel commits = result.commits();
        if (commits != null) {
            out.append("  which commit: ").append(commits.bisection() == null ? "not bisected"
                    : commits.bisection().outcome().toString()).append(" from ").append(commits.good()).append(" (")
                    .append(commits.goodFrom()).append(") to ").append(commits.bad()).append(" (")
                    .append(commits.badFrom()).append(")").append(commits.bisection() == null
                    || commits.bisection().culprit() == null ? "" : ": " + commits.bisection().culprit().id() + " "
                    + commits.bisection().culprit().subject()).append('\n');
            if (commits.bisection() != null) {
                confidence(out, commits.bisection());
            }
        }
        HuntResult.PackagingChange packaging = result.packaging();
        if (packaging != null) {
            out.append("  packaging change: ").append(packaging.lastGood()).append(" -> ").append(packaging.firstBad())
                    .append(", same upstream source ").append(packaging.upstream()).append('\n');
            for (String entry : packaging.changelog()) {
                entry.lines().forEach(line -> out.append("    ").append(line).append('\n'));
            }
            for (String note : packaging.changelogNotes()) {
                out.append("    note: ").append(note).append('\n');
            }
        }
        out.append("  probes: ").append(result.probesRun()).append(" run, ").append(result.probesReplayed())
                .append(" from the state file\n");
        out.append("  ").append(result.message()).append('\n');
        return out.toString();
    }

    /** Adds the figures of a flaky-aware level: its confidence, the bad end's runs, the failure rates. */
    private static void confidence(StringBuilder out, BisectResult bisection) {
        Confidence confidence = Confidence.from(bisection);
        if (confidence != null) {
            out.append("    flaky-aware: ").append(confidence.describe()).append('\n');
        }
    }

    private String label(String id) {
        return labels.getOrDefault(id, id);
    }

    private static String subject(String label) {
        int space = label.indexOf(' ');
        return space < 0 ? "" : label.substring(space + 1);
    }

    private Integer remainingAfter(ProbeRecord probe) {
        return remaining.get(key(probe));
    }

    static String key(ProbeRecord probe) {
        return probe.phase() + "/" + probe.round() + "/" + probe.candidate();
    }
}
