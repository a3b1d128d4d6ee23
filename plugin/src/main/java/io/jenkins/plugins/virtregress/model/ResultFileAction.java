package io.jenkins.plugins.virtregress.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * A run action whose full result lives in a {@link ResultFile} in the build directory. The
 * action itself (kept in {@code build.xml}) holds only the summary fields of its subclass; the
 * result is read on first use and held softly, so pages of old builds cost no memory until viewed.
 *
 * @param <T> the type of the full result
 */
public abstract class ResultFileAction<T> implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(ResultFileAction.class.getName());

    private final String id;
    private transient Run<?, ?> owner;
    private transient SoftReference<T> cache;

    /**
     * Creates the action.
     *
     * @param id the id of this result within the build: its URL name and result file name
     */
    protected ResultFileAction(String id) {
        this.id = id;
    }

    /**
     * Returns the id of this result within its build.
     *
     * @return the id, also the URL name
     */
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
     * Returns the type of the full result, for reading it back.
     *
     * @return the class of the result
     */
    protected abstract Class<T> resultType();

    /**
     * Returns the full result, reading it from the build directory on first use.
     *
     * @return the result, or null when its file is missing or unreadable (logged)
     */
    @CheckForNull
    public synchronized T getResult() {
        T result = cache == null ? null : cache.get();
        if (result == null && owner != null) {
            try {
                result = ResultFile.read(owner.getRootDir().toPath(), id, resultType());
                cache = new SoftReference<>(result);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot load the result of " + owner, e);
            }
        }
        return result;
    }
}
