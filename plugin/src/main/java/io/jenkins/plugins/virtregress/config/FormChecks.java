package io.jenkins.plugins.virtregress.config;

import hudson.util.FormValidation;
import java.util.Optional;

/** Turns the problems found by {@link FieldChecks} into form validation results. */
public final class FormChecks {
    private FormChecks() {
    }

    /**
     * Converts a check result into a form validation.
     *
     * @param problem the problem, or empty when the value is acceptable
     * @return an error naming the problem, or OK
     */
    public static FormValidation toValidation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
