package io.jenkins.plugins.virtregress.steps.poll;

import static org.assertj.core.api.Assertions.assertThat;

import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class DeclarativeTriggerITest {
    @Test
    void shouldRegisterTheTriggerFromADeclarativePipeline(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "declarative");
        job.setDefinition(new CpsFlowDefinition("""
                pipeline {
                  agent none
                  triggers {
                    packageRepository(spec: 'H H 31 2 *', repositories: 'https://example.org/repo/', packages: 'qemu qemu-*')
                  }
                  stages {
                    stage('noop') { steps { echo 'registered' } }
                  }
                }
                """, true));

        j.buildAndAssertSuccess(job);

        PackageRepositoryTrigger trigger = job.getTriggers().values().stream()
                .filter(PackageRepositoryTrigger.class::isInstance).map(PackageRepositoryTrigger.class::cast)
                .findFirst().orElseThrow();
        assertThat(trigger.getSpec()).isEqualTo("H H 31 2 *");
        assertThat(trigger.getRepositories()).isEqualTo("https://example.org/repo/");
        assertThat(trigger.getPackages()).isEqualTo("qemu qemu-*");
        assertThat(job.getAction(PollingLogAction.class)).isNotNull();
    }
}
