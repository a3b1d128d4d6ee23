package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.Util;
import io.jenkins.plugins.virtregress.config.FieldChecks;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.DataBoundSetter;
import org.virtregress.bisect.FlakyBisector;

/**
 * The fields of a bisection as Pipeline steps take them: {@code good}, {@code bad},
 * {@code repository}, {@code paths}, {@code firstParent}, {@code probes}, {@code repeat},
 * {@code confirm}, {@code flaky}, {@code confidence}.
 */
public abstract class BisectStepSettings extends Step {
    private final String good;
    private final String bad;
    private String repository = ".";
    private String paths = "";
    private boolean firstParent;
    private int probes = 1;
    private int repeat = 1;
    private Integer confirm;
    private boolean flaky;
    private Double confidence;

    /**
     * Sets the ends of the range.
     *
     * @param good good revisions separated by spaces or commas
     * @param bad the bad revision
     */
    protected BisectStepSettings(String good, String bad) {
        this.good = Util.fixNull(good).trim();
        this.bad = Util.fixNull(bad).trim();
    }

    /** Returns the good. */
    public String getGood() {
        return good;
    }

    /** Returns the bad. */
    public String getBad() {
        return bad;
    }

    /** Returns the repository. */
    public String getRepository() {
        return repository;
    }

    /**
     * Sets the git repository.
     *
     * @param repository a directory relative to the workspace, or absolute
     */
    @DataBoundSetter
    public void setRepository(String repository) {
        String value = Util.fixEmptyAndTrim(repository);
        this.repository = value == null ? "." : value;
    }

    /** Returns the paths. */
    public String getPaths() {
        return paths;
    }

    /**
     * Limits the candidates to commits touching these paths.
     *
     * @param paths paths separated by spaces or commas
     */
    @DataBoundSetter
    public void setPaths(String paths) {
        this.paths = Util.fixNull(paths).trim();
    }

    /** Tells whether only the first parent of merges is followed. */
    public boolean isFirstParent() {
        return firstParent;
    }

    /**
     * Follows only the first parent of merges.
     *
     * @param firstParent true to bisect over the first-parent chain
     */
    @DataBoundSetter
    public void setFirstParent(boolean firstParent) {
        this.firstParent = firstParent;
    }

    /** Returns the probes. */
    public int getProbes() {
        return probes;
    }

    /**
     * Sets how many candidates are tested at once.
     *
     * @param probes 1 to 32
     */
    @DataBoundSetter
    public void setProbes(int probes) {
        this.probes = probes;
    }

    /** Returns the repeat. */
    public int getRepeat() {
        return repeat;
    }

    /**
     * Sets how many times a probe may run to settle a flaky verdict.
     *
     * @param repeat 1 to 20
     */
    @DataBoundSetter
    public void setRepeat(int repeat) {
        this.repeat = repeat;
    }

    /** Tells whether the flaky-aware search runs from the start. */
    public boolean isFlaky() {
        return flaky;
    }

    /**
     * Searches for an intermittent failure from the start: a posterior over the culprit, each run
     * chosen to learn the most, until the culprit holds the confidence.
     *
     * @param flaky true for the flaky-aware search
     */
    @DataBoundSetter
    public void setFlaky(boolean flaky) {
        this.flaky = flaky;
    }

    /** Returns the confidence; the engine's default when none was set (also for jobs saved before it existed). */
    public double getConfidence() {
        return confidence == null ? FlakyBisector.DEFAULT_CONFIDENCE : confidence;
    }

    /**
     * Sets the posterior the flaky-aware search must reach.
     *
     * @param confidence above 0.5 and below 1
     */
    @DataBoundSetter
    public void setConfidence(double confidence) {
        this.confidence = confidence;
    }

    /** Returns the confirm. */
    public Integer getConfirm() {
        return confirm;
    }

    /**
     * Sets how many times the culprit and its parent are rerun at the end.
     *
     * @param confirm 0 to 20; absent for the global default
     */
    @DataBoundSetter
    public void setConfirm(Integer confirm) {
        this.confirm = confirm;
    }

    /**
     * Gathers the settings.
     *
     * @return the settings, the global default filling an absent confirmation count
     */
    protected BisectSettings settings() {
        int confirmations = confirm == null ? VirtRegressConfiguration.get().getDefaultConfirmations() : confirm;
        return new BisectSettings(repository, FieldChecks.split(good), bad, FieldChecks.split(paths), firstParent,
                probes, repeat, confirmations, flaky, getConfidence());
    }
}
