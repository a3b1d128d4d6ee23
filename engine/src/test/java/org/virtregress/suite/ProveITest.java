package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/** Reads TAP written by Perl's Test::More, directly and through {@code prove -v}, and agrees with prove. */
class ProveITest {
    @Test
    void shouldReadTestMoreTapWithItsDiagnostics(@TempDir Path dir) throws Exception {
        Path test = fixture(dir);

        SuiteResult result = new SuiteRunner().run(SuiteDefinition.builder("perl", List.of("perl", test.toString()))
                .workingDirectory(dir).logDirectory(dir.resolve("logs")).build());

        assertThat(result.errorMessage()).isNull();
        assertThat(result.status()).isEqualTo(SuiteStatus.FAILED);
        assertThat(result.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("virtio-net device present", CaseStatus.PASS),
                tuple("jumbo frames negotiated", CaseStatus.FAIL),
                tuple("test 3", CaseStatus.SKIP),
                tuple("link comes up", CaseStatus.PASS));
        CaseResult jumbo = result.cases().get(1);
        assertThat(jumbo.failureReason()).isEqualTo("Failed test 'jumbo frames negotiated'");
        assertThat(jumbo.outputExcerpt()).contains("got: '1500'").contains("expected: '9000'");
        assertThat(result.cases().get(2).failureReason()).isEqualTo("no multiqueue in this build");
    }

    @Test
    void shouldAgreeWithProveOnWhichTestsFailed(@TempDir Path dir) throws Exception {
        Path test = fixture(dir);

        SuiteResult result = new SuiteRunner().run(SuiteDefinition.builder("prove",
                        List.of("prove", "-v", test.getFileName().toString()))
                .workingDirectory(dir).logDirectory(dir.resolve("logs")).build());
        CommandResult prove = new ProcessRunner().run(Command.of("prove", test.getFileName().toString())
                .workingDirectory(dir).build(), OutputListener.NONE);

        assertThat(prove.exitCode()).isNotZero();
        assertThat(prove.output()).containsPattern("Failed tests?:\\s+2\\n");
        assertThat(result.status()).isEqualTo(SuiteStatus.FAILED);
        assertThat(result.failures()).extracting(CaseResult::name).containsExactly("2 - jumbo frames negotiated");
        assertThat(result.totals()).extracting(SuiteTotals::total, SuiteTotals::passed, SuiteTotals::skipped)
                .containsExactly(4, 2, 1);
    }

    private static Path fixture(Path dir) throws IOException {
        Path target = dir.resolve("guest-network.t");
        try (InputStream in = ProveITest.class.getResourceAsStream("prove/guest-network.t")) {
            Files.copy(in, target);
        }
        return target;
    }
}
