package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots a real kernel under qemu TCG with a busybox initramfs running checks. */
class GuestBootITest {
    @Test
    void shouldPassWhenEveryGuestCheckPassesIncludingOneFromAMergedUsrExtraTree(@TempDir Path dir) throws Exception {
        Path checks = checks(dir, "kernel-is-up", "memory-is-there");
        Path root = dir.resolve("installroot");
        copy("probe-tool", root.resolve("usr/bin/virt-regress-probe-tool"));
        copy("package-tool-runs", root.resolve("usr/libexec/probe-tests/package-tool-runs"));
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));

        SuiteResult result = GuestBootTest.builder("boot-pass", dir.resolve("work"))
                .checksDirectory(checks)
                .extraTree(root)
                .checks(List.of("kernel-is-up", "memory-is-there", "/usr/libexec/probe-tests/package-tool-runs"))
                .timeout(Duration.ofSeconds(90))
                .build()
                .run(new SuiteRunner());

        System.out.println("TCG guest boot with 3 passing checks: " + result.duration().toMillis() + " ms");
        assertThat(result.errorMessage()).isNull();
        assertThat(result.status()).isEqualTo(SuiteStatus.PASSED);
        assertThat(result.cases()).extracting(CaseResult::id)
                .containsExactly("kernel-is-up", "memory-is-there", "package-tool-runs");
        assertThat(result.cases()).allMatch(c -> c.status() == CaseStatus.PASS);
        assertThat(result.cases().get(0).outputExcerpt()).contains("kernel: 6.");
        assertThat(Files.readString(Path.of(result.logPath()))).contains(GuestBootTest.END_MARKER);
    }

    @Test
    void shouldReportTheFailingGuestCheckAndConfirmItInABootRunningOnlyThatCheck(@TempDir Path dir)
            throws Exception {
        Path checks = checks(dir, "disk-is-missing", "kernel-is-up");

        SuiteResult result = GuestBootTest.builder("boot-fail", dir.resolve("work"))
                .checksDirectory(checks)
                .rerunFailed(1)
                .timeout(Duration.ofSeconds(90))
                .build()
                .run(new SuiteRunner());

        result.attempts().forEach(a -> System.out.println("TCG guest boot " + (a.caseId() == null ? "with 2 checks"
                : "rerunning " + a.caseId()) + ": " + a.duration().toMillis() + " ms"));
        assertThat(result.errorMessage()).isNull();
        assertThat(result.status()).isEqualTo(SuiteStatus.FAILED);
        CaseResult failed = result.cases().get(0);
        assertThat(failed.id()).isEqualTo("disk-is-missing");
        assertThat(failed.status()).isEqualTo(CaseStatus.FAIL);
        assertThat(failed.failureReason()).isEqualTo("no block device /dev/vda");
        assertThat(failed.outputExcerpt()).contains("# exit status 1");
        assertThat(result.cases().get(1).status()).isEqualTo(CaseStatus.PASS);
        assertThat(failed.verdict()).isEqualTo(CaseVerdict.FAILURE);
        assertThat(failed.reruns()).singleElement().satisfies(rerun -> {
            assertThat(rerun.status()).isEqualTo(CaseStatus.FAIL);
            assertThat(rerun.failureReason()).isEqualTo("no block device /dev/vda");
            assertThat(Files.readString(Path.of(rerun.logPaths().get(0)))).contains("1..1")
                    .doesNotContain("kernel-is-up");
        });
        assertThat(result.failureSignatures()).singleElement()
                .extracting(FailureSignature::text).isEqualTo("disk-is-missing: no block device <PATH>");
    }

    @Test
    void shouldKillAHungGuestAndReportASuiteError(@TempDir Path dir) throws Exception {
        Path checks = checks(dir, "hangs", "kernel-is-up");
        Path work = dir.resolve("work");

        SuiteResult result = GuestBootTest.builder("boot-hang", work)
                .checksDirectory(checks)
                .timeout(Duration.ofSeconds(30))
                .build()
                .run(new SuiteRunner());

        assertThat(result.status()).isEqualTo(SuiteStatus.ERROR);
        assertThat(result.errorMessage()).contains("timed out after 30 s");
        assertThat(result.attempts()).singleElement().satisfies(a -> assertThat(a.timedOut()).isTrue());
        assertThat(Files.readString(Path.of(result.logPath()))).contains(GuestBootTest.BEGIN_MARKER);
        assertThat(result.cases()).extracting(CaseResult::status).containsOnly(CaseStatus.ERROR).hasSize(2);
        String initrd = work.toAbsolutePath().toString();
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(initrd)).orElse(false))
                .toList()).as("qemu processes left running").isEmpty();
    }

    @Test
    void shouldExtractTheUncompressedKernelWithItsPvhEntry(@TempDir Path dir) throws Exception {
        Path kernel = GuestBootTest.defaultKernel();

        Path image = GuestBootTest.builder("pvh", dir).kernel(kernel).build().bootImage();

        assertThat(image).isNotEqualTo(kernel);
        assertThat(Files.size(image)).isGreaterThan(Files.size(kernel));
        assertThat(PvhKernel.hasPvhEntry(image)).isTrue();
        assertThat(PvhKernel.hasPvhEntry(kernel)).as("a bzImage is not an ELF file").isFalse();
    }

    private static Path checks(Path dir, String... names) throws IOException {
        Path checks = dir.resolve("checks");
        for (String name : names) {
            copy(name, checks.resolve(name));
        }
        return checks;
    }

    private static void copy(String fixture, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = GuestBootITest.class.getResourceAsStream("guest/" + fixture)) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
