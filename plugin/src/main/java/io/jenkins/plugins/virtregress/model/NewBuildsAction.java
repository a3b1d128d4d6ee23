package io.jenkins.plugins.virtregress.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.Action;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.FoldableAction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The new package builds that started a build, kept on the build: shown in its summary and
 * handed to every step as environment variables (see {@link NewBuildsEnvironment}). When a poll
 * finds more builds while the build still waits in the queue, they are merged into it.
 */
public class NewBuildsAction extends InvisibleAction implements EnvironmentContributingAction, FoldableAction {
    private List<NewBuild> builds;

    /**
     * Creates the action.
     *
     * @param builds the new builds
     */
    public NewBuildsAction(List<NewBuild> builds) {
        this.builds = new ArrayList<>(builds);
    }

    /** Returns the builds. */
    public synchronized List<NewBuild> getBuilds() {
        return Collections.unmodifiableList(new ArrayList<>(builds));
    }

    /**
     * Returns the variables this action contributes.
     *
     * @return the variables by name
     */
    public Map<String, String> getVariables() {
        return NewBuildsEnvironment.variables(getBuilds());
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.putAll(getVariables());
    }

    @Override
    public void foldIntoExisting(@NonNull Queue.Item item, @NonNull Queue.Task owner, @NonNull List<Action> otherActions) {
        NewBuildsAction waiting = item.getAction(NewBuildsAction.class);
        if (waiting == null) {
            item.addAction(this);
        } else {
            waiting.merge(getBuilds());
        }
    }

    private synchronized void merge(List<NewBuild> later) {
        builds = new ArrayList<>(NewBuilds.merge(builds, later));
    }
}
