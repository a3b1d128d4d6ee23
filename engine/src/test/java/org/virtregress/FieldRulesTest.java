package org.virtregress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.PackageSpec;
import org.virtregress.net.RepositoryUrl;
import org.virtregress.repo.PackageSelector;
import org.virtregress.repo.Repository;

/**
 * Each check a form calls gives the same answer as what the build then does with the value: the
 * same inputs go to both, and both accept or both refuse, with the same message.
 */
class FieldRulesTest {
    private static void sameAnswer(String input, ThrowingConsumer<String> check, ThrowingConsumer<String> build) {
        Throwable checked = catchThrowable(() -> check.accept(input));
        Throwable built = catchThrowable(() -> build.accept(input));
        assertThat(built == null).as("the build accepts %s as the check does", input).isEqualTo(checked == null);
        if (checked != null) {
            assertThat(checked).isInstanceOf(IllegalArgumentException.class);
            assertThat(built).isInstanceOf(IllegalArgumentException.class);
            assertThat(built.getMessage()).contains(reason(checked.getMessage()));
        }
    }

    /** The message without the part up to the quoted input: the rule that was broken. */
    private static String reason(String message) {
        int colon = message.indexOf(": ", message.lastIndexOf('\''));
        return colon < 0 ? message : message.substring(colon);
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu-kvm", "g++", "libvirt-daemon-driver-qemu", "python3.12", "a_b", "x", "_foo",
        "a:b", "-rf", "qemu;reboot", "qemu kvm", "", "ü"})
    void shouldCheckPackageNamesAsTheInstallDoes(String name) {
        sameAnswer(name, PackageSpec::checkName, n -> InstallRequest.builder().install(n, null).build());
        sameAnswer(name, PackageSpec::checkName, n -> InstallRequest.builder().remove(n).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0-1", "2:8.2.2-1.fc40", "1.0~rc1", "4.17.3+10-g091466ba55-1", "1.0^git1", "-1",
        "", "1.0 -1", "1.0;ls", ".1", "1/2"})
    void shouldCheckVersionsAsTheInstallDoes(String version) {
        sameAnswer(version, PackageSpec::checkVersion, v -> PackageSpec.parse("qemu=" + v));
        sameAnswer(version, PackageSpec::checkVersion, v -> InstallRequest.builder().install("qemu", v).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://download.opensuse.org/repositories/Virtualization/16.0/",
        "http://127.0.0.1:8080/repo", "file:///srv/repo/", "HTTPS://example.org/r", "ftp://example.org/repo",
        "https://user:secret@example.org/repo", "https://", "http:///path", "gopher://example.org/",
        "https://example.org/%zz", "javascript:alert(1)", "file:relative", "http://x/re\u0007po"})
    void shouldCheckRepositoryUrlsAsThePollAndTheInstallDo(String url) {
        sameAnswer(url, RepositoryUrl::check, Repository::parse);
        sameAnswer(url, RepositoryUrl::check, InstallRequest::checkRepository);
        sameAnswer(url, RepositoryUrl::check, u -> InstallRequest.builder().install("qemu", null).repository(u).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://deb.example.org/debian bookworm main contrib", "http://127.0.0.1/flat",
        "https://deb.example.org/debian  bookworm", "https://deb.example.org/debian bookworm;rm", "ftp://x/ a",
        "deb:https://example.org/flat/", "http://x/repo\ndeb http://evil/ ./", ""})
    void shouldCheckInstallRepositoriesAsTheInstallDoes(String repository) {
        sameAnswer(repository, InstallRequest::checkRepository,
                r -> InstallRequest.builder().install("qemu", null).repository(r).build());
        sameAnswer(repository, InstallRequest::checkRepository,
                r -> InstallRequest.builder().install("qemu", null).repository(r, "user", "secret").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"qemu-*", "xen-[lt]*", "libvirt-daemon-driver-?emu", "*", "g++", "[!x]en", "_foo",
        "qemu kvm", "", "xen-[lt", "a;b", "a/b", "../x"})
    void shouldCheckPackageGlobsAsThePollDoes(String pattern) {
        sameAnswer(pattern, PackageSelector::checkPattern, p -> PackageSelector.of(List.of(p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:secret@example.org/repo"})
    void shouldNeverRepeatAPasswordWrittenIntoAUrl(String url) {
        assertThat(catchThrowable(() -> RepositoryUrl.check(url))).hasMessageNotContaining("secret")
                .hasMessageContaining("https://example.org/repo");
        assertThat(catchThrowable(() -> Repository.parse(url))).hasMessageNotContaining("secret");
        assertThatCode(() -> RepositoryUrl.check("https://example.org/repo")).doesNotThrowAnyException();
    }
}
