package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.ProcessRunner;
import org.virtregress.storage.Json;
import org.virtregress.testing.TestFiles;

class SuiteRunnerTest {
    @Test
    void shouldTellAFlakyCaseFromABrokenOneByRerunningOnlyFailures(@TempDir Path dir) throws Exception {
        Path script = TestFiles.copy(TestFiles.FLAKY_SUITE, dir);
        SuiteDefinition suite = SuiteDefinition.builder("flaky", List.of("sh", script.toString()))
                .workingDirectory(dir)
                .logDirectory(dir.resolve("logs"))
                .rerunFailed(RerunTemplate.of("sh", script.toString(), RerunTemplate.CASE), 3)
                .build();

        SuiteResult result = new SuiteRunner().run(suite);

        assertThat(result.errorMessage()).isNull();
        assertThat(result.status()).isEqualTo(SuiteStatus.FAILED);
        assertThat(result.cases()).extracting(CaseResult::id, CaseResult::status, CaseResult::verdict).containsExactly(
                tuple("steady", CaseStatus.PASS, CaseVerdict.PASSED),
                tuple("flaky", CaseStatus.FAIL, CaseVerdict.FLAKY),
                tuple("broken", CaseStatus.FAIL, CaseVerdict.FAILURE));
        assertThat(result.cases().get(1).reruns()).extracting(CaseAttempt::attempt, CaseAttempt::status)
                .containsExactly(tuple(2, CaseStatus.PASS));
        assertThat(result.cases().get(2).reruns()).extracting(CaseAttempt::status)
                .containsExactly(CaseStatus.FAIL, CaseStatus.FAIL, CaseStatus.FAIL);
        assertThat(result.attempts()).extracting(SuiteAttempt::caseId)
                .containsExactly(null, "flaky", "broken", "broken", "broken");
        assertThat(result.totals().flaky()).isEqualTo(1);
        assertThat(result.totals().failures()).isEqualTo(1);
        assertThat(result.failureSignatures()).singleElement().extracting(FailureSignature::text)
                .isEqualTo("broken: disk image checksum mismatch at offset <N>");
        assertThat(result.cases().get(2).reruns().get(2).logPaths()).singleElement()
                .satisfies(log -> assertThat(Files.readString(Path.of(log))).contains("not ok 1 - broken"));
    }

    @Test
    void shouldRoundTripThroughJson(@TempDir Path dir) throws Exception {
        Path script = TestFiles.copy(TestFiles.FLAKY_SUITE, dir);
        SuiteResult result = new SuiteRunner().run(SuiteDefinition.builder("flaky", List.of("sh", script.toString()))
                .workingDirectory(dir)
                .logDirectory(dir.resolve("logs"))
                .rerunFailed(RerunTemplate.of("sh", script.toString(), "{case}"), 1)
                .build());

        Path json = dir.resolve("result.json");
        Json.writeAtomically(json, result);

        assertThat(Json.mapper().readValue(json.toFile(), SuiteResult.class)).isEqualTo(result);
        assertThat(Files.readString(json)).contains("\"verdict\" : \"FLAKY\"");
    }

    @Test
    void shouldKillATimedOutSuiteAndKeepWhatItReported(@TempDir Path dir) throws Exception {
        SuiteDefinition suite = SuiteDefinition.builder("hang", List.of("sh", script(dir, "sleeps.sh").toString()))
                .timeout(Duration.ofSeconds(2))
                .logDirectory(dir.resolve("logs"))
                .build();

        SuiteResult result = new SuiteRunner().run(suite);

        assertThat(result.status()).isEqualTo(SuiteStatus.ERROR);
        assertThat(result.errorMessage()).startsWith("suite hang timed out after 2 s and was killed");
        assertThat(result.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("before the hang", CaseStatus.PASS), tuple("test 2", CaseStatus.ERROR));
        assertThat(result.attempts()).singleElement().extracting(SuiteAttempt::timedOut).isEqualTo(true);
    }

    @Test
    void shouldLeaveNoProcessOfATimedOutSuiteRunning(@TempDir Path dir) throws Exception {
        SuiteDefinition suite = SuiteDefinition.builder("detach", List.of("sh", script(dir, "detaches.sh").toString()))
                .timeout(Duration.ofSeconds(3))
                .logDirectory(dir.resolve("logs"))
                .build();

        SuiteResult result = new SuiteRunner().run(suite);

        assertThat(result.status()).isEqualTo(SuiteStatus.ERROR);
        assertThat(result.errorMessage()).contains("timed out");
        String marker = Files.readAllLines(Path.of(result.logPath())).stream().filter(l -> l.startsWith("# run "))
                .findFirst().orElseThrow().substring("# run ".length());
        String runId = marker.substring(marker.lastIndexOf(',') + 1);
        assertThat(aliveCarrying(runId)).as("processes of the suite still alive").isEmpty();
    }

    /** The live processes (zombies aside) whose environment carries the run id, read from /proc. */
    private static List<String> aliveCarrying(String runId) throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().matches("[0-9]+")).filter(p -> {
                try {
                    String environ = new String(Files.readAllBytes(p.resolve("environ")),
                            java.nio.charset.StandardCharsets.ISO_8859_1);
                    return !Files.readString(p.resolve("stat")).replaceFirst("^.*\\) ", "").startsWith("Z")
                            && List.of(environ.split("\0")).stream().anyMatch(
                                    v -> v.startsWith(ProcessRunner.RUN_MARKER + "=") && v.contains(runId));
                } catch (IOException gone) {
                    return false;
                }
            }).map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void shouldReadAllResultsAndKeepTheFullLogWhileMemoryHoldsOnlyACappedTail(@TempDir Path dir) throws Exception {
        SuiteDefinition suite = SuiteDefinition.builder("chatty", List.of("sh", script(dir, "chatty.sh").toString()))
                .logDirectory(dir.resolve("logs"))
                .build();

        SuiteResult result = new SuiteRunner(new ProcessRunner(4096)).run(suite);

        assertThat(result.status()).isEqualTo(SuiteStatus.PASSED);
        assertThat(result.cases()).extracting(CaseResult::id).containsExactly("survived the noise");
        assertThat(Files.size(Path.of(result.logPath()))).isGreaterThan(2_500_000);
        assertThat(Files.readString(Path.of(result.logPath()))).startsWith("1..1\n")
                .contains("noise line 99999\nok 1 - survived the noise\n");
    }

    @Test
    void shouldCallASuiteWithoutResultsAnErrorWhateverItsExitCode(@TempDir Path dir) throws Exception {
        SuiteResult result = new SuiteRunner().run(
                SuiteDefinition.builder("silent", List.of("sh", script(dir, "silent.sh").toString()))
                        .logDirectory(dir.resolve("logs")).build());

        assertThat(result.status()).isEqualTo(SuiteStatus.ERROR);
        assertThat(result.attempts().get(0).exitCode()).isZero();
        assertThat(result.errorMessage()).contains("no TAP plan");
        assertThat(result.totals().total()).isZero();
    }

    @Test
    void shouldReadResultFilesFoundByAGlob(@TempDir Path dir) throws Exception {
        SuiteDefinition suite = SuiteDefinition.builder("junit", List.of("sh", script(dir, "writes-junit.sh").toString()))
                .workingDirectory(dir)
                .results(ResultsSource.files("out/**/TEST-*.xml"), ResultFormat.JUNIT)
                .logDirectory(dir.resolve("logs"))
                .build();

        SuiteResult result = new SuiteRunner().run(suite);

        assertThat(result.errorMessage()).isNull();
        assertThat(result.status()).isEqualTo(SuiteStatus.FAILED);
        assertThat(result.cases()).extracting(CaseResult::id).containsExactly("a.one", "b.two");
    }

    @Test
    void shouldIgnoreResultFilesLeftByAnEarlierRun(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("results.json");
        Files.writeString(old, "{\"tests\": [{\"id\": \"1-a\", \"status\": \"PASS\"}]}");
        Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        SuiteDefinition suite = SuiteDefinition.builder("stale", List.of("true"))
                .workingDirectory(dir)
                .results(ResultsSource.files("results.json"), ResultFormat.AVOCADO)
                .logDirectory(dir.resolve("logs"))
                .build();

        SuiteResult result = new SuiteRunner().run(suite);

        assertThat(result.status()).isEqualTo(SuiteStatus.ERROR);
        assertThat(result.errorMessage()).contains("no results file matching results.json was written by this run");
    }

    @Test
    void shouldReportAMissingProgramAsASuiteError(@TempDir Path dir) throws Exception {
        SuiteResult result = new SuiteRunner().run(
                SuiteDefinition.builder("ghost", List.of("/nonexistent/run-tests")).logDirectory(dir).build());

        assertThat(result.status()).isEqualTo(SuiteStatus.ERROR);
        assertThat(result.errorMessage()).contains("could not start").contains("/nonexistent/run-tests");
    }

    private static Path script(Path dir, String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = SuiteRunnerTest.class.getResourceAsStream("runner/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }
}
