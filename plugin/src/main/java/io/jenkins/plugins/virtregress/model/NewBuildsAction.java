package io.jenkins.plugins.virtregress.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The new package builds that started a build, kept on the build: shown in its summary and
 * handed to every step as environment variables (see {@link NewBuildsEnvironment}).
 */
public class NewBuildsAction extends InvisibleAction implements EnvironmentContributingAction {
    private final List<NewBuild> builds;

    /**
     * Creates the action.
     *
     * @param builds the new builds
     */
    public NewBuildsAction(List<NewBuild> builds) {
        this.builds = new ArrayList<>(builds);
    }

    public List<NewBuild> getBuilds() {
        return Collections.unmodifiableList(builds);
    }

    /**
     * Returns the variables this action contributes.
     *
     * @return the variables by name
     */
    public Map<String, String> getVariables() {
        return NewBuildsEnvironment.variables(builds);
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.putAll(getVariables());
    }
}
