package io.jenkins.plugins.virtregress.model;

import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The guest test results of a build: totals in the build page summary, every case on its page.
 */
@ExportedBean
public class GuestTestsAction extends ReportAction {
    private final String suite;
    private final String status;
    private final int total;
    private final int failed;
    private final int flaky;
    private final int skipped;
    private final int errors;

    /**
     * Creates the action.
     *
     * @param id the report id within the build
     * @param suite the suite name
     * @param status {@code PASSED}, {@code FAILED} or {@code ERROR}
     * @param total the number of cases
     * @param failed real failures
     * @param flaky cases that failed, then passed on a rerun
     * @param skipped cases not run
     * @param errors cases in error
     */
    public GuestTestsAction(String id, String suite, String status, int total, int failed, int flaky, int skipped,
            int errors) {
        super(id);
        this.suite = suite;
        this.status = status;
        this.total = total;
        this.failed = failed;
        this.flaky = flaky;
        this.skipped = skipped;
        this.errors = errors;
    }

    /** Returns the suite name. */
    @Exported
    public String getSuite() {
        return suite;
    }

    /** Returns the status. */
    @Exported
    public String getStatus() {
        return status;
    }

    /** Returns the number of cases. */
    @Exported
    public int getTotal() {
        return total;
    }

    /** Returns the number of real failures. */
    @Exported
    public int getFailed() {
        return failed;
    }

    /** Returns the number of flaky cases. */
    @Exported
    public int getFlaky() {
        return flaky;
    }

    /** Returns the number of cases not run. */
    @Exported
    public int getSkipped() {
        return skipped;
    }

    /** Returns the number of cases in error. */
    @Exported
    public int getErrors() {
        return errors;
    }

    @Override
    public String getIconFileName() {
        return "symbol-list";
    }

    @Override
    public String getDisplayName() {
        return "Guest Tests: " + suite;
    }
}
