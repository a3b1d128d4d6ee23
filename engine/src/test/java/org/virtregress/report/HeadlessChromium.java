package org.virtregress.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/**
 * Runs Debian's {@code chromium} headless on a local file, each time with a fresh profile
 * directory and with everything that could reach the network turned off.
 */
final class HeadlessChromium {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path workDir;

    HeadlessChromium(Path workDir) {
        this.workDir = workDir;
    }

    /** Takes a screenshot of a page into a PNG file. */
    CommandResult screenshot(Path page, Path png) throws IOException, InterruptedException {
        return run("--screenshot=" + png.toAbsolutePath(), "--window-size=1200,2000", page.toUri().toString());
    }

    /** Returns the DOM of a page after parsing, as Chromium serializes it, on standard output. */
    CommandResult dumpDom(Path page) throws IOException, InterruptedException {
        return run("--dump-dom", page.toUri().toString());
    }

    private CommandResult run(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-profile");
        try {
            List<String> argv = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--disable-dev-shm-usage", "--user-data-dir=" + profile));
            argv.addAll(List.of(arguments));
            Command command = Command.of(argv).timeout(TIMEOUT).separateStderr().build();
            return new ProcessRunner().run(command, OutputListener.NONE);
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
