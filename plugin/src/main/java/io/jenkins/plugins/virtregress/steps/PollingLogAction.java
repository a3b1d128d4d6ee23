package io.jenkins.plugins.virtregress.steps;

import hudson.model.Action;
import hudson.model.Job;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The page of a job that shows the log of the last package repository poll. */
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
     * Returns the log of the last poll.
     *
     * @return the log, or a sentence saying there was no poll yet
     * @throws IOException if the log cannot be read
     */
    public String getLog() throws IOException {
        File log = new File(job.getRootDir(), PackageRepositoryTrigger.LOG_FILE);
        return log.isFile() ? Files.readString(log.toPath(), StandardCharsets.UTF_8) : "No poll has run yet.";
    }
}
