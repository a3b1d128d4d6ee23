package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BisectScriptAllowlistTest {
    @Test
    void shouldAllowTheBisectionScriptOfThePlugin() {
        assertThat(BisectScriptAllowlist.allows("jar:file:/var/jenkins_home/plugins/virt-regress/WEB-INF/lib/"
                + "virt-regress.jar!/io/jenkins/plugins/virtregress/steps/bisect/BisectRegressionScript.groovy")).isTrue();
        assertThat(BisectScriptAllowlist.allows("file:/src/plugin/target/classes"
                + BisectScriptAllowlist.SCRIPT)).isTrue();
    }

    @Test
    void shouldRefuseEveryOtherGroovySource() {
        assertThat(BisectScriptAllowlist.allows("jar:file:/x.jar!/io/jenkins/plugins/virtregress/steps/Other.groovy"))
                .isFalse();
        assertThat(BisectScriptAllowlist.allows("file:/x/../io/jenkins/plugins/virtregress/steps/bisect/"
                + "BisectRegressionScript.groovy.bak")).isFalse();
        assertThat(BisectScriptAllowlist.allows("jar:file:/x.jar!/io/jenkins/plugins/virtregress/steps/"
                + "BisectRegressionScript.groovy")).as("the script's place before the steps had rooms").isFalse();
        assertThat(BisectScriptAllowlist.allows(null)).isFalse();
    }

    @Test
    void shouldFindTheScriptWhereTheAllowlistExpectsIt() {
        assertThat(BisectScriptAllowlist.class.getResource(BisectScriptAllowlist.SCRIPT)).isNotNull();
    }
}
