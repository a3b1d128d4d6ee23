package io.jenkins.plugins.virtregress.model;

import hudson.model.Cause;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Why a build started: the package repository trigger found new builds. Its description names
 * them, such as "New package builds: qemu 9.1.0-3.1 → 9.1.0-4.1 in updates".
 */
public class NewBuildsCause extends Cause {
    private final List<NewBuild> builds;

    /**
     * Creates the cause.
     *
     * @param builds the new builds found by the poll
     */
    public NewBuildsCause(List<NewBuild> builds) {
        this.builds = new ArrayList<>(builds);
    }

    /** Returns the builds. */
    public List<NewBuild> getBuilds() {
        return Collections.unmodifiableList(builds);
    }

    @Override
    public String getShortDescription() {
        return "New package builds: " + NewBuildsText.describe(builds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewBuildsCause other && builds.equals(other.builds);
    }

    @Override
    public int hashCode() {
        return builds.hashCode();
    }
}
