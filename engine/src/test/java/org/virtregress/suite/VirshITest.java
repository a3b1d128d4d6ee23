package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the libvirt test driver ({@code virsh -c test:///default}) from a TAP suite. */
class VirshITest {
    @Test
    void shouldPassAndFailOnRealDomainStates(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("domain-states.sh");
        try (InputStream in = VirshITest.class.getResourceAsStream("libvirt/domain-states.sh")) {
            Files.copy(in, script);
        }
        SuiteDefinition suite = SuiteDefinition.builder("libvirt-states", List.of("sh", script.toString(),
                        "test:///default", "test=running", "test=shut off", "no-such-guest=running"))
                .workingDirectory(dir)
                .logDirectory(dir.resolve("logs"))
                .build();

        SuiteResult result = new SuiteRunner().run(suite);

        assertThat(result.errorMessage()).isNull();
        assertThat(result.status()).isEqualTo(SuiteStatus.FAILED);
        assertThat(result.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("virsh lists the domains of test:///default", CaseStatus.PASS),
                tuple("domain test is running", CaseStatus.PASS),
                tuple("domain test is shut off", CaseStatus.FAIL),
                tuple("domain no-such-guest is running", CaseStatus.FAIL));
        assertThat(result.cases().get(0).outputExcerpt()).isEqualTo("# domain: test\n");
        assertThat(result.cases().get(2).failureReason()).isEqualTo("domain test is 'running', expected 'shut off'");
        assertThat(result.cases().get(3).failureReason()).startsWith("domain no-such-guest is 'error: ")
                .contains("no-such-guest");
    }
}
