package io.jenkins.plugins.virtregress.config;

import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * The authentication a job's work runs with: the one Jenkins gives its builds (set by an
 * authorization plugin such as Authorize Project, else the default of the controller).
 */
public final class JobAuthentication {
    private JobAuthentication() {
    }

    /**
     * Returns the authentication of a job's builds.
     *
     * @param job the job
     * @return its authentication; the current one for jobs that are not queue tasks
     */
    public static Authentication of(Job<?, ?> job) {
        if (job instanceof Queue.Task task) {
            return Tasks.getAuthenticationOf2(task);
        }
        return Jenkins.getAuthentication2();
    }
}
