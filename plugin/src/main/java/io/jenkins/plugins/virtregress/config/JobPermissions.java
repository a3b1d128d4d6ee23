package io.jenkins.plugins.virtregress.config;

import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * The permission check of the job-level form endpoints: only a user who may configure the job
 * reaches its validation and choices.
 */
public final class JobPermissions {
    private JobPermissions() {
    }

    /**
     * Checks that the current user may configure a job.
     *
     * @param item the job being configured, or null outside a job (the snippet generator at the
     *     top level), where the global administer permission is required
     * @throws org.springframework.security.access.AccessDeniedException if the user may not
     */
    public static void check(Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }
}
