package io.jenkins.plugins.virtregress.model;

import hudson.model.Run;
import java.util.List;

/** Finds the new builds that started a build, for the reports of its steps. */
public final class NewBuildsOfRun {
    private NewBuildsOfRun() {
    }

    /**
     * Returns the new builds of a build.
     *
     * @param run the build
     * @return the builds its trigger found, or an empty list when something else started it
     */
    public static List<NewBuild> of(Run<?, ?> run) {
        NewBuildsAction action = run.getAction(NewBuildsAction.class);
        return action == null ? List.of() : action.getBuilds();
    }
}
