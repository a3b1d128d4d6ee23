package io.jenkins.plugins.virtregress.steps.bisect;

import edu.umd.cs.findbugs.annotations.NonNull;
import groovy.lang.Binding;
import hudson.Extension;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.jenkinsci.plugins.workflow.cps.GlobalVariable;

/**
 * The Pipeline global {@code bisectRegression}. With a body,
 * {@code bisectRegression(good: …, bad: …, probes: 3) { … }} bisects with the body as the probe,
 * up to {@code probes} bodies at once, each with {@code VIRT_REGRESS_COMMIT} set; without a body it
 * runs a command in each candidate's worktree, as the freestyle step does. The loop that hands out
 * rounds of probes is {@code BisectRegressionScript.groovy}, run by the Pipeline engine so that it
 * survives restarts; the bisection itself is the engine's.
 */
@Extension
public class BisectRegressionVariable extends GlobalVariable {
    private static final String SCRIPT_CLASS = "io.jenkins.plugins.virtregress.steps.bisect.BisectRegressionScript";

    @NonNull
    @Override
    public String getName() {
        return "bisectRegression";
    }

    @NonNull
    @Override
    public Object getValue(@NonNull CpsScript script) throws Exception {
        Binding binding = script.getBinding();
        if (binding.hasVariable(getName())) {
            return binding.getVariable(getName());
        }
        Object value = script.getClass().getClassLoader().loadClass(SCRIPT_CLASS).getConstructor(CpsScript.class)
                .newInstance(script);
        binding.setVariable(getName(), value);
        return value;
    }
}
