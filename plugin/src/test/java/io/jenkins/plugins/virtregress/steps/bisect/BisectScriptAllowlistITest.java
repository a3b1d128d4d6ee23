package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jenkinsci.plugins.workflow.cps.GroovySourceFileAllowlist;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** workflow-cps loads the bisection loop only because an allowlist names it, and nothing else of ours. */
@WithJenkins
class BisectScriptAllowlistITest {
    @Test
    void shouldAllowTheBisectionScriptAsJenkinsLoadsIt(JenkinsRule j) {
        URL script = j.jenkins.getPluginManager().uberClassLoader.getResource(BisectScriptAllowlist.SCRIPT.substring(1));

        assertThat(script).isNotNull();
        assertThat(GroovySourceFileAllowlist.all()).anySatisfy(list ->
                assertThat(list.isAllowed(script.toString())).isTrue());
        assertThat(GroovySourceFileAllowlist.all()).filteredOn(BisectScriptAllowlist.class::isInstance)
                .singleElement().satisfies(list -> assertThat(list.isAllowed(
                        script.toString().replace("BisectRegressionScript", "Other"))).isFalse());
    }
}
