package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.model.Item;
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

    /** Turns a check's result into a form validation. */
    static FormValidation validation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }
}
