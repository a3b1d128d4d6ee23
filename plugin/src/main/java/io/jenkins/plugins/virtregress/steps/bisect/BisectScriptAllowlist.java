package io.jenkins.plugins.virtregress.steps.bisect;

import hudson.Extension;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;

/**
 * Lets the Pipeline engine load {@code BisectRegressionScript.groovy}, the loop behind the
 * {@code bisectRegression} global, and nothing else of this plugin. workflow-cps loads a plugin's
 * Groovy source only when an allowlist names it, because such sources run outside the sandbox;
 * this one holds no user input, it only calls the plugin's own steps. Matched by the end of the
 * resource URL, as workflow-cps matches its own list, since the URL's start depends on where
 * Jenkins unpacked the plugin.
 */
@Extension
public class BisectScriptAllowlist extends GroovySourceFileAllowlist {
    /** The path of the script within the plugin's class path. */
    static final String SCRIPT = "/io/jenkins/plugins/virtregress/steps/bisect/BisectRegressionScript.groovy";

    @Override
    public boolean isAllowed(String groovySourceFileUrl) {
        return allows(groovySourceFileUrl);
    }

    /**
     * Tells whether a Groovy source URL is the bisection script.
     *
     * @param url the absolute resource URL
     * @return true only for the script of this plugin
     */
    static boolean allows(String url) {
        return url != null && url.endsWith(SCRIPT) && !url.contains("/../") && !url.contains("?");
    }
}
