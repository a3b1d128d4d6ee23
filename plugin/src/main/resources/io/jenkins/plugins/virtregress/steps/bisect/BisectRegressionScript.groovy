package io.jenkins.plugins.virtregress.steps.bisect

import org.jenkinsci.plugins.workflow.cps.CpsScript

/**
 * The value of the Pipeline global bisectRegression. Runs in the Pipeline engine, so its loop
 * survives controller restarts; every decision is made by the engine behind the internal steps.
 */
class BisectRegressionScript implements Serializable {
    private static final long serialVersionUID = 1L

    private final CpsScript script

    BisectRegressionScript(CpsScript script) {
        this.script = script
    }

    /** Bisects with a command run in each candidate's worktree, as the freestyle step does. */
    def call(Map args) {
        return script.virtRegressBisectCommand(args)
    }

    /** Bisects with the body as the probe; returns the outcome as a map. */
    def call(Map args, Closure body) {
        String id = script.virtRegressBisectStart(args)
        while (true) {
            Map round = script.virtRegressBisectWait(id: id)
            if (round.done) {
                return round.result
            }
            Map branches = [:]
            for (Map request in round.probes) {
                String key = request.key
                String commit = request.commit
                branches[request.label] = {
                    script.virtRegressBisectProbe(id: id, key: key, commit: commit) {
                        body.call()
                    }
                }
            }
            script.parallel(branches)
        }
    }
}
