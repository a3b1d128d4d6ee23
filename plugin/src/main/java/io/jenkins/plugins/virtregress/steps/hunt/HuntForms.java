package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.model.Item;
import hudson.model.Label;
import hudson.util.FormValidation;
import java.util.Optional;
import jenkins.model.Jenkins;

/** The permission check and the validation result of the hunt's form fields. */
final class HuntForms {
    private HuntForms() {
    }

    /** Checks that the user may configure the job (or administer Jenkins outside a job). */
    static void checkPermission(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    /**
     * Checks a label expression field: an error when it does not parse, a warning when no node
     * carries it, fine when it is empty (the probes run on the build's node).
     *
     * @param value the expression as typed
     * @return the validation result
     */
    static FormValidation label(String value) {
        Optional<ProbeLabel.Problem> problem = ProbeLabel.check(value, Label::parseExpression,
                label -> !label.getNodes().isEmpty());
        if (problem.isEmpty()) {
            return FormValidation.ok();
        }
        return problem.get().error() ? FormValidation.error(problem.get().message())
                : FormValidation.warning(problem.get().message());
    }

    /** Turns a check's result into a form validation. */
    static FormValidation validation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
