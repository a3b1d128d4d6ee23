package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.OutputListener;
import org.virtregress.storage.Json;
import org.virtregress.testing.RepositoryServer;

/**
 * The behaviour every installer shares, run against real repositories served on 127.0.0.1 and a
 * real package manager installing into a fresh root per test. The repositories are built once per
 * installer, in the package manager's format ({@link #buildRepository}), and served for all its tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InstallerContract {
    private RepositoryServer server;

    /** Returns the installer under test. */
    abstract Installer installer();

    /** Builds a repository in this package manager's format holding the packages. */
    abstract void buildRepository(Path directory, List<TestPackage> packages) throws Exception;

    /** Returns the repositories the tests need, by name: {@code main} and {@code rebuild}. */
    Map<String, List<TestPackage>> repositories() {
        return Map.of("main", TestPackage.main(), "rebuild", TestPackage.rebuild());
    }

    @BeforeAll
    void serveRepositories(@TempDir Path directory) throws Exception {
        for (Map.Entry<String, List<TestPackage>> repository : repositories().entrySet()) {
            buildRepository(directory.resolve(repository.getKey()), repository.getValue());
        }
        server = RepositoryServer.serve(directory);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** Returns the URL of a repository named in {@link #repositories()}. */
    final String repository(String name) {
        return server.url(name + "/repo");
    }

    /** Returns the URL of the main repository behind basic authentication (see {@link RepositoryServer#USER}). */
    final String lockedRepository() {
        return server.lockedUrl("main/repo");
    }

    /** Returns the URL of the main repository (see {@link TestPackage#main()}). */
    final String mainRepository() {
        return repository("main");
    }

    /** Returns the URL of the rebuild repository (see {@link TestPackage#rebuild()}). */
    final String rebuildRepository() {
        return repository("rebuild");
    }

    /** Returns a version as this package manager's database reports it. */
    abstract String recorded(String evr);

    /** Makes an empty directory ready to be an install root. */
    Path root(Path directory) throws IOException {
        return directory;
    }

    private InstallRequest.Builder request(Path root, String repository) {
        return InstallRequest.builder().root(root).repository(repository).gpgCheck(false)
                .timeout(Duration.ofMinutes(2)).lockTimeout(Duration.ofMinutes(2));
    }

    private InstallResult install(Path root, String repository, String... packages) throws Exception {
        InstallRequest.Builder request = request(root, repository);
        for (String spec : packages) {
            request.install(PackageSpec.parse(spec));
        }
        return installer().install(request.build(), OutputListener.NONE);
    }

    /** Returns a root holding the base package, so that its database is never empty. */
    private Path baseRoot(Path directory) throws Exception {
        Path root = root(directory);
        assertThat(install(root, mainRepository(), "vrbase=1.0-1").success()).isTrue();
        return root;
    }

    private static String content(Path root, String name) throws IOException {
        return Files.readString(root.resolve("usr/share/" + name + "/content")).strip();
    }

    @Test
    void shouldInstallUpgradeAndDowngradeExactVersions(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);

        InstallResult first = install(root, mainRepository(), "vrtest=1.0-1");
        assertThat(first.success()).as(first.error()).isTrue();
        assertThat(first.before()).doesNotContainKey("vrtest");
        assertThat(first.after()).containsEntry("vrtest", recorded("1.0-1")).containsEntry("vrbase", recorded("1.0-1"));
        assertThat(content(root, "vrtest")).isEqualTo("one");

        InstallResult upgrade = install(root, mainRepository(), "vrtest=2.0-1");
        assertThat(upgrade.success()).as(upgrade.error()).isTrue();
        assertThat(upgrade.before()).containsEntry("vrtest", recorded("1.0-1"));
        assertThat(upgrade.after()).containsEntry("vrtest", recorded("2.0-1"));
        assertThat(content(root, "vrtest")).isEqualTo("two");

        InstallResult downgrade = install(root, mainRepository(), "vrtest=1.0-1");
        assertThat(downgrade.success()).as(downgrade.error()).isTrue();
        assertThat(downgrade.after()).containsEntry("vrtest", recorded("1.0-1"));
        assertThat(content(root, "vrtest")).isEqualTo("one");
        assertThat(downgrade.commands()).isNotEmpty().allSatisfy(c -> assertThat(c.exitCode()).isZero());
        assertThat(downgrade.rolledBack()).isFalse();
        assertThat(downgrade.error()).isNull();
    }

    @Test
    void shouldReinstallASameVersionRebuild(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        assertThat(install(root, mainRepository(), "vrtest=2.0-1").success()).isTrue();
        assertThat(content(root, "vrtest")).isEqualTo("two");

        InstallResult rebuild = install(root, rebuildRepository(), "vrtest=2.0-1");

        assertThat(rebuild.success()).as(rebuild.error()).isTrue();
        assertThat(rebuild.after()).containsEntry("vrtest", recorded("2.0-1"));
        assertThat(content(root, "vrtest")).isEqualTo("two rebuilt");
    }

    @Test
    void shouldFollowTheEpochRatherThanTheVersion(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        assertThat(install(root, mainRepository(), "vrepoch=5.0-1").success()).isTrue();

        InstallResult result = install(root, mainRepository(), "vrepoch=1:1.0-1");

        assertThat(result.success()).as(result.error()).isTrue();
        assertThat(result.before()).containsEntry("vrepoch", recorded("5.0-1"));
        assertThat(result.after()).containsEntry("vrepoch", "1:1.0-1");
        assertThat(content(root, "vrepoch")).isEqualTo("epoch one");
    }

    @Test
    void shouldRemoveAPackage(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        assertThat(install(root, mainRepository(), "vrtest=2.0-1").success()).isTrue();

        InstallResult result = installer().install(request(root, mainRepository()).remove("vrtest").build(),
                OutputListener.NONE);

        assertThat(result.success()).as(result.error()).isTrue();
        assertThat(result.before()).containsKey("vrtest");
        assertThat(result.after()).doesNotContainKey("vrtest").containsKey("vrbase");
        assertThat(root.resolve("usr/share/vrtest/content")).doesNotExist();
    }

    @Test
    void shouldRollBackWhenAScriptletFails(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        assertThat(install(root, mainRepository(), "vrtest=2.0-1").success()).isTrue();

        InstallResult result = install(root, mainRepository(), "vrtest=3.0-1");

        assertThat(result.success()).isFalse();
        assertThat(result.rolledBack()).isTrue();
        assertThat(result.error()).containsIgnoringCase("script").contains("Rolled back");
        assertThat(result.restored()).containsExactly(new PackageChange("vrtest",
                result.restored().get(0).from(), recorded("2.0-1")));
        assertThat(result.restored().get(0).from()).startsWith(recorded("3.0-1"));
        assertThat(result.after()).isEqualTo(result.before());
        assertThat(content(root, "vrtest")).isEqualTo("two");
    }

    @Test
    void shouldNameWhatTheRepositoryHasForAnUnknownVersion(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);

        InstallResult result = install(root, mainRepository(), "vrtest=9.9-1");

        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("unknown version vrtest=9.9-1")
                .contains(recorded("1.0-1")).contains(recorded("2.0-1"));
        assertThat(result.after()).isEqualTo(result.before());
        assertThat(result.rolledBack()).isTrue();
        assertThat(result.restored()).isEmpty();
    }

    @Test
    void shouldNameAnUnknownPackage(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);

        InstallResult result = install(root, mainRepository(), "vrmissing=1.0-1");

        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("unknown package vrmissing").contains(mainRepository());
    }

    @Test
    void shouldRefuseUnsignedPackagesWhileCheckingSignatures(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);

        InstallResult result = installer().install(request(root, mainRepository()).gpgCheck(true)
                .install("vrtest", "2.0-1").build(), OutputListener.NONE);

        assertThat(result.success()).isFalse();
        assertThat(result.after()).isEqualTo(result.before()).doesNotContainKey("vrtest");
        assertThat(result.rolledBack()).isTrue();
        assertThat(root.resolve("usr/share/vrtest/content")).doesNotExist();
    }

    @Test
    void shouldSerializeConcurrentInstallsOnTheLock(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<InstallResult> one = pool.submit(() -> install(root, mainRepository(), "vrtest=1.0-1"));
            Future<InstallResult> two = pool.submit(() -> install(root, mainRepository(), "vrepoch=5.0-1"));
            InstallResult first = one.get();
            InstallResult second = two.get();

            assertThat(first.success()).as(first.error()).isTrue();
            assertThat(second.success()).as(second.error()).isTrue();
            InstallResult earlier = first.startedAt().isBefore(second.startedAt()) ? first : second;
            InstallResult later = earlier == first ? second : first;
            Instant earlierEnd = earlier.startedAt().plus(earlier.duration());
            assertThat(later.startedAt()).isAfterOrEqualTo(earlierEnd);
            assertThat(later.before()).containsKeys(earlier.requested().get(0).name());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRecordTheInstallAsJson(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        InstallResult result = install(root, mainRepository(), "vrtest=2.0-1");

        String json = Json.mapper().writeValueAsString(result);
        InstallResult read = Json.mapper().readValue(json, InstallResult.class);

        assertThat(read).isEqualTo(result);
        assertThat(json).contains("\"manager\" : \"" + installer().manager() + "\"").contains("\"vrtest\"");
        assertThat(read.commands()).extracting(CommandRecord::argv).anySatisfy(argv ->
                assertThat(argv).contains(List.of("vrtest=2.0-1", "vrtest-2.0-1").stream()
                        .filter(argv::contains).findFirst().orElse("vrtest=2.0-1")));
    }

    private InstallResult installFromLocked(Path root, String user, String password, List<String> log)
            throws Exception {
        InstallRequest.Builder request = InstallRequest.builder().root(root).gpgCheck(false)
                .timeout(Duration.ofMinutes(2)).lockTimeout(Duration.ofMinutes(2)).install("vrtest", "1.0-1");
        if (user == null) {
            request.repository(lockedRepository());
        } else {
            request.repository(lockedRepository(), user, password);
        }
        return installer().install(request.build(), (stream, line) -> log.add(line));
    }

    /** Returns the private files the log names as holding credentials. */
    private static List<Path> credentialFiles(List<String> log) {
        return log.stream().filter(line -> line.contains(" are in /"))
                .map(line -> Path.of(line.substring(line.indexOf(" are in ") + 8, line.indexOf(" (readable by"))))
                .toList();
    }

    @Test
    void shouldInstallFromARepositoryThatAsksForCredentials(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

        InstallResult result = installFromLocked(root, RepositoryServer.USER, RepositoryServer.PASSWORD, log);

        assertThat(result.success()).as(result.error() + "\n" + String.join("\n", log)).isTrue();
        assertThat(result.after()).containsEntry("vrtest", recorded("1.0-1"));
        assertThat(content(root, "vrtest")).isEqualTo("one");
        assertThat(log).noneMatch(line -> line.contains(RepositoryServer.PASSWORD));
        assertThat(Json.mapper().writeValueAsString(result)).doesNotContain(RepositoryServer.PASSWORD);
        List<Path> files = credentialFiles(log);
        assertThat(files).isNotEmpty().allSatisfy(file -> {
            assertThat(file).doesNotExist();
            assertThat(file.getParent()).doesNotExist();
        });
    }

    @Test
    void shouldSayTheRepositoryRefusedTheCredentials(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);
        List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();

        InstallResult result = installFromLocked(root, RepositoryServer.USER, "wrong-" + RepositoryServer.PASSWORD, log);

        assertThat(result.success()).isFalse();
        assertThat(result.error()).as(String.join("\n", log)).contains("repository " + lockedRepository() + " refused the credentials of user "
                + RepositoryServer.USER).contains("401").doesNotContain("unknown package");
        assertThat(log).noneMatch(line -> line.contains(RepositoryServer.PASSWORD));
        assertThat(result.after()).isEqualTo(result.before());
        assertThat(credentialFiles(log)).isNotEmpty().allSatisfy(file -> assertThat(file).doesNotExist());
    }

    @Test
    void shouldSayTheRepositoryAsksForCredentials(@TempDir Path directory) throws Exception {
        Path root = baseRoot(directory);

        InstallResult result = installFromLocked(root, null, null, new java.util.ArrayList<>());

        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("repository " + lockedRepository() + " asks for credentials")
                .doesNotContain("unknown package");
    }
}
