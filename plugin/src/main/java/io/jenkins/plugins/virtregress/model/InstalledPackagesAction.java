package io.jenkins.plugins.virtregress.model;

import java.util.Map;
import java.util.TreeMap;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The packages a build installed: a summary on the build page (manager, verified or rolled back,
 * what changed) and a page with the full before/after record.
 */
@ExportedBean
public class InstalledPackagesAction extends ReportAction {
    private final String manager;
    private final boolean success;
    private final boolean rolledBack;
    private final Map<String, String> changes;

    /**
     * Creates the action.
     *
     * @param id the report id within the build
     * @param manager the package manager
     * @param success whether the package database holds exactly what was asked
     * @param rolledBack whether the root was restored after a failure
     * @param changes the packages whose version changed, as {@code name → "before → after"}
     */
    public InstalledPackagesAction(String id, String manager, boolean success, boolean rolledBack,
            Map<String, String> changes) {
        super(id);
        this.manager = manager;
        this.success = success;
        this.rolledBack = rolledBack;
        this.changes = new TreeMap<>(changes);
    }

    /** Returns the manager. */
    @Exported
    public String getManager() {
        return manager;
    }

    /** Tells whether the package database holds exactly what was asked. */
    @Exported
    public boolean isSuccess() {
        return success;
    }

    /** Tells whether the root was restored after a failure. */
    @Exported
    public boolean isRolledBack() {
        return rolledBack;
    }

    /** Returns the changes. */
    @Exported
    public Map<String, String> getChanges() {
        return changes;
    }

    @Override
    public String getIconFileName() {
        return "symbol-cube";
    }

    @Override
    public String getDisplayName() {
        return "Installed Packages";
    }
}
