package io.jenkins.plugins.virtregress.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;
import org.virtregress.report.HtmlReport;
import org.virtregress.report.RegressionReport;

/**
 * A run action whose full regression report lives in a {@link ResultFile} in the build directory.
 * The action itself (kept in {@code build.xml}) holds only the summary fields of its subclass; the
 * report is read on first use and held softly, so old builds cost no memory until viewed. Its page
 * embeds the engine's HTML body, which escapes every user- or repository-controlled text itself
 * and holds no inline style or script (the style sheet is an adjunct), so Jenkins'
 * Content-Security-Policy allows it; probe logs are served from the build directory.
 */
@ExportedBean
public abstract class ReportAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(ReportAction.class.getName());

    private final String id;
    private transient volatile Run<?, ?> owner;
    private transient SoftReference<RegressionReport> cache;

    /**
     * Creates the action.
     *
     * @param id the id of the report within the build: its URL name and file name
     */
    protected ReportAction(String id) {
        this.id = id;
    }

    /**
     * Returns the id of the report within its build.
     *
     * @return the id, also the URL name
     */
    @Exported
    public String getId() {
        return id;
    }

    @Override
    public String getUrlName() {
        return id;
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.owner = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.owner = run;
    }

    /**
     * Returns the build this action belongs to.
     *
     * @return the build, or null before the action is attached
     */
    public Run<?, ?> getOwner() {
        return owner;
    }

    /**
     * Returns the full report, reading it from the build directory on first use.
     *
     * @return the report, or null when its file is missing or unreadable (logged)
     */
    @CheckForNull
    public synchronized RegressionReport getReport() {
        RegressionReport report = cache == null ? null : cache.get();
        if (report == null && owner != null) {
            try {
                report = ResultFile.read(owner.getRootDir().toPath(), id);
                cache = new SoftReference<>(report);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot load report " + id + " of " + owner, e);
            }
        }
        return report;
    }

    /**
     * Renders the report as the engine's HTML fragment, for the action's page.
     *
     * @return the fragment (already escaped), or a short note when the report cannot be read
     */
    public String getFragment() {
        RegressionReport report = getReport();
        return report == null ? "<p>The report of this build cannot be read.</p>" : HtmlReport.body(report);
    }

    /**
     * Serves a probe log kept with the report in the build directory, at {@code log/NAME}.
     *
     * @param req the request; the rest of its path names the log
     * @param rsp the response
     * @throws IOException if the log cannot be sent
     */
    public void doLog(StaplerRequest2 req, StaplerResponse2 rsp) throws IOException {
        Run<?, ?> run = owner;
        String name = req.getRestOfPath().replaceFirst("^/", "");
        if (run == null) {
            rsp.sendError(404);
            return;
        }
        run.checkPermission(Item.READ);
        Path log = ProbeLogs.find(logDirectory(run, id), name);
        if (log == null) {
            rsp.sendError(404);
            return;
        }
        rsp.setContentType("text/plain;charset=UTF-8");
        rsp.setHeader("X-Content-Type-Options", "nosniff");
        try (var out = rsp.getOutputStream()) {
            Files.copy(log, out);
        }
    }

    /**
     * Returns where a report's probe logs are kept in its build directory.
     *
     * @param run the build
     * @param id the report id
     * @return the directory (it may not exist)
     */
    public static Path logDirectory(Run<?, ?> run, String id) {
        return run.getRootDir().toPath().resolve(ResultFile.DIRECTORY).resolve(id + "-logs");
    }

    /**
     * Picks an id for a new report of a build that is not used yet (by an action, a report file, or
     * a bisection still running), so that several steps of one build each keep their own report.
     *
     * @param run the build
     * @param prefix the id prefix, such as {@code virt-regress-install}
     * @return {@code prefix}, or {@code prefix-2}, {@code prefix-3}…
     */
    public static String nextId(Run<?, ?> run, String prefix) {
        String id = prefix;
        for (int n = 2; isUsed(run, id); n++) {
            id = prefix + "-" + n;
        }
        return id;
    }

    private static boolean isUsed(Run<?, ?> run, String id) {
        Path directory = run.getRootDir().toPath().resolve(ResultFile.DIRECTORY);
        return run.getActions(ReportAction.class).stream().anyMatch(a -> a.getId().equals(id))
                || Files.exists(directory.resolve(id + ".json")) || Files.exists(directory.resolve(id + "-settings.json"));
    }
}
