package io.jenkins.plugins.virtregress.steps;

import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * The permission check of the job-level form endpoints: a user who may not configure the job
 * learns nothing from its validation.
 */
final class JobPermissions {
    private JobPermissions() {
    }

    /**
     * Tells whether the current user may configure a job, checking the permission.
     *
     * @param item the job being configured, or null outside a job (then the global permission counts)
     * @return true when the user may configure it
     */
    static boolean canConfigure(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.CONFIGURE);
    }
}
