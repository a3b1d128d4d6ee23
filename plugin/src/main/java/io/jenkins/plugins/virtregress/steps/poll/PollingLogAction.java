package io.jenkins.plugins.virtregress.steps.poll;

import hudson.model.Action;
import hudson.model.Job;
import java.io.IOException;
import java.util.List;

/** The page of a job that shows the logs of its recent package repository polls. */
public class PollingLogAction implements Action {
    private final Job<?, ?> job;

    /**
     * Creates the action.
     *
     * @param job the job whose polls it shows
     */
    public PollingLogAction(Job<?, ?> job) {
        this.job = job;
    }

    /** Returns the job. */
    public Job<?, ?> getJob() {
        return job;
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    @Override
    public String getDisplayName() {
        return "Package Polling Log";
    }

    @Override
    public String getUrlName() {
        return "virt-regress-polling";
    }

    /**
     * Returns the logs of the recent polls, newest first: the last polls, and the last polls that
     * started a build.
     *
     * @return the logs; empty before the first poll
     * @throws IOException if a log cannot be read
     */
    public List<String> getLogs() throws IOException {
        return PackageRepositoryTrigger.history(job).texts();
    }

    /**
     * Returns the log of the last poll.
     *
     * @return the log, or a sentence saying there was no poll yet
     * @throws IOException if the log cannot be read
     */
    public String getLog() throws IOException {
        List<String> logs = getLogs();
        return logs.isEmpty() ? "No poll has run yet." : logs.get(0);
    }
}
