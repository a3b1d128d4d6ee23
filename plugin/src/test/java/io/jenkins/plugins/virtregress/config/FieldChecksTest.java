package io.jenkins.plugins.virtregress.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtregress.install.PackageSpec;
import org.virtregress.repo.PackageSelector;
import org.virtregress.repo.Repository;

class FieldChecksTest {
    @Test
    void shouldAcceptRepositoryUrlsOfTheSupportedSchemes() {
        assertThat(FieldChecks.repositoryUrl("https://download.example.org/repositories/Virtualization/15.6/")).isEmpty();
        assertThat(FieldChecks.repositoryUrl("file:///srv/repo")).isEmpty();
        assertThat(FieldChecks.repositoryUrl("deb:http://127.0.0.1:8080/flat/")).isEmpty();
    }

    @Test
    void shouldRefuseRepositoryUrlsWithOtherSchemesOrPasswords() {
        assertThat(FieldChecks.repositoryUrl("ftp://example.org/repo")).get().asString().contains("http://");
        assertThat(FieldChecks.repositoryUrl("https://user:secret@example.org/repo"))
                .get().asString().contains("credentials apart");
        assertThat(FieldChecks.repositoryUrl("https:///no-host")).get().asString().contains("no host");
        assertThat(FieldChecks.repositoryUrl(" ")).get().asString().contains("required");
    }

    @Test
    void shouldCheckUpstreamSourcesWithTheEnginesRules() {
        assertThat(FieldChecks.upstreamUrl("https://gitlab.com/qemu-project/qemu.git", false)).isEmpty();
        assertThat(FieldChecks.upstreamUrl("git@github.com:qemu/qemu.git", false)).isEmpty();
        assertThat(FieldChecks.upstreamUrl("https://qa:s3cret@example.org/q.git", false)).get().asString()
                .contains("password in the URL").doesNotContain("s3cret");
        assertThat(FieldChecks.upstreamUrl("file:///srv/git/qemu", false)).get().asString().contains("file: URL");
        assertThat(FieldChecks.upstreamUrl("file:///srv/git/qemu", true)).isEmpty();
        assertThat(FieldChecks.upstreamUrl("--upload-pack=x", false)).isPresent();
        assertThat(FieldChecks.tagTemplate("v%{version}")).isEmpty();
        assertThat(FieldChecks.tagTemplate("")).isEmpty();
        assertThat(FieldChecks.tagTemplate("v9.1.0")).get().asString().startsWith("Invalid tag template")
                .endsWith(".");
        assertThat(FieldChecks.upstreamPackage("qemu")).isEmpty();
        assertThat(FieldChecks.upstreamPackage("qemu kvm")).isPresent();
    }

    @Test
    void shouldAcceptPackageNamesAndGlobs() {
        assertThat(FieldChecks.packagePatterns("qemu qemu-* libvirt-daemon-driver-qemu, xen\nlib?irt")).isEmpty();
        assertThat(FieldChecks.packagePatterns("-rf")).get().asString().contains("-rf");
        assertThat(FieldChecks.packagePatterns("qemu;reboot")).isPresent();
        assertThat(FieldChecks.packagePatterns("")).isPresent();
    }

    @Test
    void shouldCheckPackageRequestsAndLeaveVariablesForLater() {
        assertThat(FieldChecks.packageRequests("qemu=9.1.0-4.1 qemu-tools xen=1:2.3~rc1+git5^1", true)).isEmpty();
        assertThat(FieldChecks.packageRequests("qemu=${VIRT_REGRESS_VERSION_QEMU}", true)).isEmpty();
        assertThat(FieldChecks.packageRequests("--oldpackage", true)).get().asString().contains("--oldpackage");
        assertThat(FieldChecks.packageRequests("qemu=9.1 $(reboot)", true)).isPresent();
        assertThat(FieldChecks.packageRequests("qemu=9.1;x", true)).get().asString().contains("version '9.1;x'");
        assertThat(FieldChecks.packageRequests("", false)).isEmpty();
        assertThat(FieldChecks.packageRequests("", true)).isPresent();
    }

    @Test
    void shouldRefuseRevisionsThatGitWouldReadAsOptionsOrRanges() {
        assertThat(FieldChecks.revisions("v9.0.0 abc1234, HEAD~3 origin/stable-9.0", "good revision")).isEmpty();
        assertThat(FieldChecks.revisions("--all", "bad revision")).get().asString().contains("--all");
        assertThat(FieldChecks.revisions("v1..v2", "good revision")).isPresent();
        assertThat(FieldChecks.revisions("", "bad revision")).get().asString().isEqualTo("A bad revision is required.");
    }

    @Test
    void shouldCheckNumberRanges() {
        assertThat(FieldChecks.number("3", 0, 20, "number of confirmation runs")).isEmpty();
        assertThat(FieldChecks.number("21", 0, 20, "number of confirmation runs")).get().asString()
                .contains("between 0 and 20");
        assertThat(FieldChecks.number("three", 0, 20, "number of probes")).get().asString().contains("whole number");
    }

    @Test
    void shouldSplitListsAtSpacesCommasAndNewLines() {
        assertThat(FieldChecks.split(" a, b\n\nc\td ")).containsExactly("a", "b", "c", "d");
        assertThat(FieldChecks.split(null)).isEmpty();
    }

    @Test
    void shouldCheckRepositoryNames() {
        assertThat(FieldChecks.repositoryName("updates-15.6_x86")).isEmpty();
        assertThat(FieldChecks.repositoryName("-updates")).isPresent();
        assertThat(FieldChecks.repositoryName("my repo")).isPresent();
    }

    @Test
    void shouldRefuseFileRepositoriesUnlessAllowed() {
        assertThat(FieldChecks.repositoryUrl("file:///etc/", false)).get().asString()
                .contains("allowed only when an administrator allows them");
        assertThat(FieldChecks.repositoryUrl("deb:FILE:///srv/flat/", false)).isPresent();
        assertThat(FieldChecks.repositoryUrl("file:///srv/repo/", true)).isEmpty();
        assertThat(FieldChecks.repositoryUrl("https://example.org/repo/", false)).isEmpty();
    }

    @Test
    void shouldKeepAControllerArchiveInsideTheJobDirectory() {
        assertThat(FieldChecks.controllerArchive("archive/qemu")).isEmpty();
        assertThat(FieldChecks.controllerArchive("")).isEmpty();
        assertThat(FieldChecks.controllerArchive("/var/lib/jenkins/secrets")).get().asString().contains("absolute");
        assertThat(FieldChecks.controllerArchive("C:\\jenkins")).get().asString().contains("absolute");
        assertThat(FieldChecks.controllerArchive("~/x")).get().asString().contains("absolute");
        assertThat(FieldChecks.controllerArchive("a/../../secrets")).get().asString().contains("..");
        assertThat(FieldChecks.controllerArchive("a\\..\\b")).get().asString().contains("..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/repo/", "http://127.0.0.1:8080/", "file:///srv/repo",
        "deb:http://127.0.0.1:8080/flat/", "ftp://example.org/repo", "https://user:secret@example.org/",
        "https:///no-host", "mailto:repo@example.org", "https://example.org/%zz",
        "deb:https://example.org/debian/dists/stable/", "HTTPS://EXAMPLE.ORG/"})
    void shouldJudgeRepositoryUrlsAsTheEngineDoes(String url) {
        assertAgree(FieldChecks.repositoryUrl(url), () -> Repository.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu", "qemu-*", "lib?irt", "[lq]emu", "_foo", "a:b", "-rf", "qemu;reboot",
        "*", "qemu-[", "x86_64+avx2", ".hidden"})
    void shouldJudgePackagePatternsAsTheEngineDoes(String pattern) {
        assertAgree(FieldChecks.packagePatterns(pattern), () -> PackageSelector.checkPattern(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu", "qemu=9.1.0-4.1", "xen=1:2.3~rc1+git5^1", "_foo", "a:b", "qemu=-1",
        "--oldpackage", "qemu=", "=9.1", "qemu=9.1;x", "c++=1_2"})
    void shouldJudgePackageRequestsAsTheEngineDoes(String request) {
        assertAgree(FieldChecks.packageRequests(request, true), () -> PackageSpec.parse(request));
    }

    @Test
    void shouldTellTheRulesTheFormUsedToGetWrong() {
        assertThat(FieldChecks.packagePatterns("_foo")).isPresent();
        assertThat(FieldChecks.packageRequests("a:b", true)).isPresent();
        assertThat(FieldChecks.packageRequests("qemu=-1", true)).isPresent();
    }

    /** Asserts that the form refuses exactly what the engine refuses, with the engine's reason. */
    private static void assertAgree(Optional<String> form, Runnable engine) {
        try {
            engine.run();
        } catch (IllegalArgumentException e) {
            assertThat(form).get().asString().containsIgnoringCase(e.getMessage());
            return;
        }
        assertThat(form).isEmpty();
    }
}
