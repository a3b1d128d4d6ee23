package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the JUnit XML that a real pytest run writes. */
class PytestJUnitITest {
    @Test
    void shouldReadPytestJUnitXml(@TempDir Path dir) throws Exception {
        try (InputStream in = PytestJUnitITest.class.getResourceAsStream("pytest/test_guest_storage.py")) {
            Files.copy(in, dir.resolve("test_guest_storage.py"));
        }
        SuiteDefinition suite = SuiteDefinition.builder("pytest", List.of("python3", "-m", "pytest", "-q", "-p",
                        "no:cacheprovider", "--junitxml=reports/junit.xml", "test_guest_storage.py"))
                .workingDirectory(dir)
                .results(ResultsSource.files("reports/*.xml"), ResultFormat.JUNIT)
                .logDirectory(dir.resolve("logs"))
                .build();

        SuiteResult result = new SuiteRunner().run(suite);

        assertThat(result.errorMessage()).isNull();
        assertThat(result.status()).isEqualTo(SuiteStatus.FAILED);
        assertThat(result.attempts().get(0).exitCode()).isEqualTo(1);
        assertThat(result.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("test_guest_storage.test_qcow2_header_magic", CaseStatus.PASS),
                tuple("test_guest_storage.test_discard_shrinks_image", CaseStatus.FAIL),
                tuple("test_guest_storage.test_resize_online", CaseStatus.ERROR),
                tuple("test_guest_storage.test_scsi_unmap", CaseStatus.SKIP));
        assertThat(result.cases().get(1).failureReason()).contains("discard did not free any cluster");
        assertThat(result.cases().get(2).failureReason()).contains("failed on setup");
        assertThat(result.cases().get(2).outputExcerpt()).contains("No space left on device");
        assertThat(result.cases().get(3).failureReason()).contains("needs a virtio-scsi guest");
    }
}
