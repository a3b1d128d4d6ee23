package io.jenkins.plugins.virtregress.model;

import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The verdict of a bisection: a summary box on the build page (outcome, culprit, confidence) and
 * a page with the full report (the range narrowing probe by probe, every probe, the confirmation).
 */
@ExportedBean
public class BisectReportAction extends ReportAction {
    private final String outcome;
    private final String culprit;
    private final String culpritSubject;
    private final String confidence;
    private final String reason;
    private final int candidates;
    private final int probes;
    private final int replayed;

    /**
     * Creates the action.
     *
     * @param id the report id within the build
     * @param outcome {@code COMPLETE}, {@code UNCONFIRMED}, {@code INCONCLUSIVE}, {@code UNREPRODUCIBLE} or {@code ABORTED}
     * @param culprit the culprit's short hash, or null
     * @param culpritSubject the culprit's subject line, or null
     * @param confidence how sure the verdict is, such as "parent 3/3 good, culprit 3/3 bad"
     * @param reason the engine's one-sentence explanation
     * @param candidates how many commits the range held before the first probe
     * @param probes how many probes the bisection made
     * @param replayed how many of them were replayed from an earlier build's state file
     */
    public BisectReportAction(String id, String outcome, String culprit, String culpritSubject, String confidence,
            String reason, int candidates, int probes, int replayed) {
        super(id);
        this.candidates = candidates;
        this.probes = probes;
        this.replayed = replayed;
        this.outcome = outcome;
        this.culprit = culprit;
        this.culpritSubject = culpritSubject;
        this.confidence = confidence;
        this.reason = reason;
    }

    /** Returns the outcome. */
    @Exported
    public String getOutcome() {
        return outcome;
    }

    /** Returns the culprit. */
    @Exported
    public String getCulprit() {
        return culprit;
    }

    /** Returns the culprit subject. */
    @Exported
    public String getCulpritSubject() {
        return culpritSubject;
    }

    /** Returns the confidence. */
    @Exported
    public String getConfidence() {
        return confidence;
    }

    /** Returns the reason. */
    @Exported
    public String getReason() {
        return reason;
    }

    /** Returns how many commits the range held before the first probe. */
    @Exported
    public int getCandidates() {
        return candidates;
    }

    /** Returns how many probes the bisection made. */
    @Exported
    public int getProbes() {
        return probes;
    }

    /** Returns how many probes were replayed from an earlier build's state file instead of tested. */
    @Exported
    public int getReplayed() {
        return replayed;
    }

    @Override
    public String getIconFileName() {
        return "symbol-search";
    }

    @Override
    public String getDisplayName() {
        return "Bisect Report";
    }
}
