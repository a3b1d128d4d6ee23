package io.jenkins.plugins.virtregress.model;

/**
 * The verdict of a bisection: a summary box on the build page (outcome, culprit, confidence) and
 * a page with the full report (the range narrowing probe by probe, every probe, the confirmation).
 */
public class BisectReportAction extends ReportAction {
    private final String outcome;
    private final String culprit;
    private final String culpritSubject;
    private final String confidence;
    private final String reason;

    /**
     * Creates the action.
     *
     * @param id the report id within the build
     * @param outcome {@code COMPLETE}, {@code UNCONFIRMED}, {@code INCONCLUSIVE}, {@code UNREPRODUCIBLE} or {@code ABORTED}
     * @param culprit the culprit's short hash, or null
     * @param culpritSubject the culprit's subject line, or null
     * @param confidence how sure the verdict is, such as "parent 3/3 good, culprit 3/3 bad"
     * @param reason the engine's one-sentence explanation
     */
    public BisectReportAction(String id, String outcome, String culprit, String culpritSubject, String confidence,
            String reason) {
        super(id);
        this.outcome = outcome;
        this.culprit = culprit;
        this.culpritSubject = culpritSubject;
        this.confidence = confidence;
        this.reason = reason;
    }

    /** Returns the outcome. */
    public String getOutcome() {
        return outcome;
    }

    /** Returns the culprit. */
    public String getCulprit() {
        return culprit;
    }

    /** Returns the culprit subject. */
    public String getCulpritSubject() {
        return culpritSubject;
    }

    /** Returns the confidence. */
    public String getConfidence() {
        return confidence;
    }

    /** Returns the reason. */
    public String getReason() {
        return reason;
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
