package io.jenkins.plugins.virtregress.model;

import java.util.Locale;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteStatus;

/**
 * What a build becomes when guest tests fail: the policy a job chooses for real failures. A suite
 * that did not complete (timeout, crash, no results) always fails the build: nothing was tested.
 * Flaky cases never change the build result.
 */
public enum FailurePolicy {
    /** Real failures mark the build unstable (the default, as the JUnit plugin does). */
    UNSTABLE,
    /** Real failures fail the build. */
    FAILURE,
    /** Real failures are reported but leave the build result alone. */
    SUCCESS;

    /**
     * Reads a policy name.
     *
     * @param name {@code UNSTABLE}, {@code FAILURE} or {@code SUCCESS}, any case; empty for the default
     * @return the policy
     * @throws IllegalArgumentException naming the accepted values if the name is unknown
     */
    public static FailurePolicy fromName(String name) {
        if (name == null || name.isBlank()) {
            return UNSTABLE;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failure policy '" + name + "' is unknown: use UNSTABLE, FAILURE or SUCCESS",
                    e);
        }
    }

    /**
     * Decides the build result a suite result asks for.
     *
     * @param suite the suite result
     * @return {@code SUCCESS}, {@code UNSTABLE} or {@code FAILURE}, the name of a Jenkins result
     */
    public String resultFor(SuiteResult suite) {
        if (suite.status() == SuiteStatus.ERROR) {
            return FAILURE.name();
        }
        if (suite.status() == SuiteStatus.FAILED) {
            return name();
        }
        return SUCCESS.name();
    }
}
