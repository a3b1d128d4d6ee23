package org.virtregress.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/** Builds demo packages with the real rpmbuild and serves them from a real createrepo_c repository. */
class DemoPackagerITest {
    @Test
    void shouldBuildAnRpmThatNamesItsCommitAndInstallsTheChecks(@TempDir Path dir) throws Exception {
        UpstreamProject project = DemoUpstream.scripted().create(dir.resolve("upstream"));
        DemoPackager packager = new DemoPackager(project, dir.resolve("packages"), new ProcessRunner());
        UpstreamCommit commit = project.commit(20);

        Path rpm = packager.build(commit);

        assertThat(rpm.getFileName()).hasToString("virt-regress-demo-1.0.20-1.noarch.rpm");
        assertThat(packager.build(commit)).as("built once").isEqualTo(rpm);
        assertThat(rpmQuery(rpm, "%{NAME} %{VERSION}-%{RELEASE} %{ARCH} %{VCS}"))
                .isEqualTo("virt-regress-demo 1.0.20-1 noarch git+" + project.directory().toUri() + "#" + commit.hash());
        assertThat(rpmQuery(rpm, "[%{FILEMODES:perms} %{FILENAMES}\n]"))
                .contains("-rwxr-xr-x /usr/libexec/virt-regress-demo/checks/memory")
                .contains("-rw-r--r-- /usr/libexec/virt-regress-demo/conf/memory-min-mib")
                .contains("-rw-r--r-- /usr/libexec/virt-regress-demo/VERSION")
                .doesNotContain("/usr/libexec/virt-regress-demo/checks/cmdline");
        assertThat(rpmQuery(rpm, "[%{REQUIRENAME}\n]")).doesNotContain("/bin/sh");
    }

    @Test
    void shouldServeOnlyTheNewestBuildWithValidatorsOnLoopback(@TempDir Path dir) throws Exception {
        UpstreamProject project = DemoUpstream.scripted().create(dir.resolve("upstream"));
        ProcessRunner runner = new ProcessRunner();
        DemoPackager packager = new DemoPackager(project, dir.resolve("packages"), runner);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (DemoRepository repository = DemoRepository.start(dir.resolve("repository"), runner)) {
            assertThat(repository.url().getHost()).isEqualTo("127.0.0.1");

            repository.publish(packager.build(project.commit(8)));
            HttpResponse<String> first = http.send(get(repository.url().resolve("repodata/repomd.xml"), null),
                    HttpResponse.BodyHandlers.ofString());
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = http.send(get(repository.url().resolve("repodata/repomd.xml"), etag),
                    HttpResponse.BodyHandlers.ofString());
            repository.publish(packager.build(project.commit(14)));
            HttpResponse<String> changed = http.send(get(repository.url().resolve("repodata/repomd.xml"), etag),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).contains("<repomd");
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(repository.packages()).containsExactly("virt-regress-demo-1.0.14-1.noarch.rpm");
            assertThat(http.send(get(repository.url().resolve("virt-regress-demo-1.0.8-1.noarch.rpm"), null),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            assertThat(http.send(get(URI.create(repository.url() + "..%2fupstream%2fVERSION"), null),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            assertThat(http.send(get(repository.url().resolve("virt-regress-demo-1.0.14-1.noarch.rpm"), null),
                    HttpResponse.BodyHandlers.ofByteArray()).body())
                    .isEqualTo(Files.readAllBytes(packager.build(project.commit(14))));
        }
    }

    private static HttpRequest get(URI uri, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return request.build();
    }

    private static String rpmQuery(Path rpm, String format) throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of("rpm", "-qp", "--nosignature", "--nodigest",
                "--queryformat", format, rpm.toString()).separateStderr().build(), OutputListener.NONE);
        assertThat(result.succeeded()).as(result.describe() + result.stderr()).isTrue();
        return result.output().strip();
    }
}
