package org.virtregress.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.cli.ExitCodes;
import org.virtregress.cli.VirtRegressCommand;
import org.virtregress.report.CommitBisection;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportJson;
import picocli.CommandLine;

/**
 * Runs {@code virt-regress demo} end to end with the real tools: rpmbuild, createrepo_c, an HTTP
 * repository on 127.0.0.1, the poller and archive, dnf into install roots, qemu TCG guests, the
 * bisections and the report.
 */
class DemoITest {
    private static final Pattern SERVED_AT = Pattern.compile("served at http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldFindAndConfirmThePlantedCulpritAndWriteTheReport(@TempDir Path dir) throws Exception {
        Path workdir = dir.resolve("work");
        String planted = DemoUpstream.scripted().create(dir.resolve("planted")).regression().hash();
        StringWriter out = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(out, true));

        long start = System.nanoTime();
        int exit = cli.execute("demo", "--workdir", workdir.toString());
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(out);
        System.out.println("virt-regress demo took " + wall.toSeconds() + " s");

        assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.OK);
        Path json = workdir.resolve("report/report.json");
        Path html = workdir.resolve("report/report.html");
        Path text = workdir.resolve("report/report.txt");
        assertThat(json).isNotEmptyFile();
        assertThat(html).isNotEmptyFile();
        assertThat(text).isNotEmptyFile();
        RegressionReport report = ReportJson.read(json);
        CommitBisection commits = report.commitBisection();
        assertThat(commits.outcome()).isEqualTo(CommitBisection.Outcome.COMPLETE);
        assertThat(commits.culprit().hash()).isEqualTo(planted);
        assertThat(commits.culprit().subject()).isEqualTo("memory: require 512 MiB to leave room for the balloon driver");
        assertThat(commits.culprit().filesChanged()).containsExactly("conf/memory-min-mib");
        assertThat(commits.confirmation().confirmed()).isTrue();
        assertThat(commits.confirmation().parentRuns()).hasSize(3);
        assertThat(commits.confirmation().culpritRuns()).hasSize(3);
        assertThat(report.buildBisection().lastGood().version()).isEqualTo("1.0.20-1");
        assertThat(report.buildBisection().firstBad().version()).isEqualTo("1.0.26-1");
        assertThat(report.newBuilds()).extracting(b -> b.newVersion())
                .containsExactly("1.0.8-1", "1.0.14-1", "1.0.20-1", "1.0.26-1", "1.0.32-1");
        assertThat(report.install().after()).containsEntry("virt-regress-demo", "0:1.0.32-1");
        assertThat(report.suites()).singleElement().satisfies(suite -> {
            assertThat(suite.totals().failed()).isEqualTo(1);
            assertThat(suite.cases()).anySatisfy(c -> assertThat(c.name()).contains("memory"));
        });
        assertThat(Files.readString(html)).contains(planted.substring(0, 12)).contains("</html>");
        assertThat(out.toString())
                .contains("poll: NEW virt-regress-demo-1.0.8-1.noarch")
                .contains("guest suite on 1.0.32-1: FAILED")
                .contains("culprit: " + planted)
                .contains("report: " + html);
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList())
                .as("processes left running").isEmpty();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void shouldStopItsServerAndGuestsWhenInterrupted(@TempDir Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process demo = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.virtregress.cli.Main", "demo", "--workdir", dir.resolve("work").toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> read(demo, lines));
        reader.start();
        try {
            ProcessHandle qemu = awaitQemu(demo);
            List<ProcessHandle> started = demo.descendants().toList();
            int port = port(lines);

            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();

            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("the demo exits on SIGINT").isTrue();
            assertThat(qemu.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            for (ProcessHandle child : started) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
            assertThat(started).as("processes the demo started").noneMatch(ProcessHandle::isAlive);
            assertThatIOException().as("the repository server is stopped").isThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
            });
        } finally {
            demo.destroyForcibly();
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            reader.join(10_000);
        }
    }

    private static ProcessHandle awaitQemu(Process demo) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            var qemu = demo.descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("qemu-system-x86_64")).orElse(false))
                    .findFirst();
            if (qemu.isPresent()) {
                return qemu.get();
            }
            assertThat(demo.isAlive()).as("the demo is still running").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the demo booted no guest within 120 s");
    }

    private static int port(List<String> lines) {
        synchronized (lines) {
            for (String line : lines) {
                Matcher m = SERVED_AT.matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        throw new AssertionError("the demo did not print its repository URL: " + lines);
    }

    private static void read(Process process, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (java.io.IOException e) {
            // the process was killed: what was read is enough
        }
    }
}
