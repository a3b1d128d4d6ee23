package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.AbortException;
import java.util.function.UnaryOperator;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The fields of a bisection as Pipeline steps take them: {@code good}, {@code bad},
 * {@code repository}, {@code paths}, {@code firstParent}, {@code probes}, {@code repeat},
 * {@code confirm}, {@code flaky}, {@code confidence}. A step holds them in a
 * {@link BisectRegressionBuilder}, which trims them, fills their defaults and turns them into
 * {@link BisectSettings}: the freestyle step and the Pipeline steps follow one set of rules. The
 * fields' help files are kept here once; the freestyle builder's form points to them.
 */
public abstract class BisectStepSettings extends Step {
    private final BisectRegressionBuilder fields;

    /**
     * Sets the ends of the range.
     *
     * @param good good revisions separated by spaces or commas
     * @param bad the bad revision
     * @param command the command run in each candidate's worktree, empty when the probe is a Pipeline body
     */
    protected BisectStepSettings(String good, String bad, String command) {
        this.fields = new BisectRegressionBuilder(good, bad, command);
    }

    /** Returns the revisions known to pass, as the user wrote them. */
    public String getGood() {
        return fields.getGood();
    }

    /** Returns the revision known to fail. */
    public String getBad() {
        return fields.getBad();
    }

    /** Returns the git repository, {@code .} for the workspace itself. */
    public String getRepository() {
        return fields.getRepository();
    }

    /**
     * Sets the git repository.
     *
     * @param repository a directory relative to the workspace, or absolute
     */
    @DataBoundSetter
    public void setRepository(String repository) {
        fields.setRepository(repository);
    }

    /** Returns the paths that limit the candidates, as the user wrote them; empty for none. */
    public String getPaths() {
        return fields.getPaths();
    }

    /**
     * Limits the candidates to commits touching these paths.
     *
     * @param paths paths separated by spaces or commas
     */
    @DataBoundSetter
    public void setPaths(String paths) {
        fields.setPaths(paths);
    }

    /** Tells whether only the first parent of merges is followed. */
    public boolean isFirstParent() {
        return fields.isFirstParent();
    }

    /**
     * Follows only the first parent of merges.
     *
     * @param firstParent true to bisect over the first-parent chain
     */
    @DataBoundSetter
    public void setFirstParent(boolean firstParent) {
        fields.setFirstParent(firstParent);
    }

    /** Returns how many candidates are tested at once. */
    public int getProbes() {
        return fields.getProbes();
    }

    /**
     * Sets how many candidates are tested at once.
     *
     * @param probes 1 to 32
     */
    @DataBoundSetter
    public void setProbes(int probes) {
        fields.setProbes(probes);
    }

    /** Returns how many times a probe may run to settle a flaky verdict. */
    public int getRepeat() {
        return fields.getRepeat();
    }

    /**
     * Sets how many times a probe may run to settle a flaky verdict.
     *
     * @param repeat 1 to 20
     */
    @DataBoundSetter
    public void setRepeat(int repeat) {
        fields.setRepeat(repeat);
    }

    /** Tells whether the flaky-aware search runs from the start. */
    public boolean isFlaky() {
        return fields.isFlaky();
    }

    /**
     * Searches for an intermittent failure from the start: a posterior over the culprit, each run
     * chosen to learn the most, until the culprit holds the confidence.
     *
     * @param flaky true for the flaky-aware search
     */
    @DataBoundSetter
    public void setFlaky(boolean flaky) {
        fields.setFlaky(flaky);
    }

    /** Returns the posterior the flaky-aware search must reach; the engine's default when none was set. */
    public double getConfidence() {
        return fields.getConfidence();
    }

    /**
     * Sets the posterior the flaky-aware search must reach.
     *
     * @param confidence above 0.5 and below 1
     */
    @DataBoundSetter
    public void setConfidence(double confidence) {
        fields.setConfidence(confidence);
    }

    /** Returns how many times the culprit and its parent are rerun, or null for the global default. */
    public Integer getConfirm() {
        String confirm = fields.getConfirm();
        return confirm.isEmpty() ? null : Integer.valueOf(confirm);
    }

    /**
     * Sets how many times the culprit and its parent are rerun at the end.
     *
     * @param confirm 0 to 20; absent for the global default
     */
    @DataBoundSetter
    public void setConfirm(Integer confirm) {
        fields.setConfirm(confirm == null ? "" : confirm.toString());
    }

    /**
     * Returns the builder that holds the fields.
     *
     * @return the builder, which the command step runs
     */
    BisectRegressionBuilder fields() {
        return fields;
    }

    /**
     * Gathers the settings, as the builder does.
     *
     * @return the settings, the global default filling an absent confirmation count
     * @throws AbortException if a field cannot be read
     */
    protected BisectSettings settings() throws AbortException {
        return fields.settings(UnaryOperator.identity());
    }
}
