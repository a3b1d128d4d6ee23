package io.jenkins.plugins.virtregress.steps.poll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The logs of a job's recent polls, one file per poll in a directory of the job: the last
 * {@link #KEPT} polls, and besides them the last {@link #KEPT} polls that started a build, so the
 * poll behind a build stays readable long after quieter polls followed it. Uses no Jenkins types.
 */
final class PollingHistory {
    /** How many polls of each kind are kept. */
    static final int KEPT = 20;

    private static final Pattern NAME = Pattern.compile("\\d{13}-\\d{4}(-build)?\\.log");

    private final Path directory;

    /**
     * Opens the history.
     *
     * @param directory the directory of the logs, created on first use
     */
    PollingHistory(Path directory) {
        this.directory = directory;
    }

    /**
     * Creates the file for a new poll's log.
     *
     * @param millis when the poll starts
     * @return the new, empty file
     * @throws IOException if it cannot be created
     */
    synchronized Path newLog(long millis) throws IOException {
        Files.createDirectories(directory);
        for (int n = 0; ; n++) {
            Path file = directory.resolve(String.format("%013d-%04d.log", millis, n));
            if (!Files.exists(file) && !Files.exists(started(file))) {
                return Files.createFile(file);
            }
        }
    }

    /**
     * Marks a poll as the one that started a build and drops the logs beyond those kept.
     *
     * @param log the poll's log
     * @param startedBuild whether it started a build
     * @throws IOException if the files cannot be renamed or deleted
     */
    synchronized void finish(Path log, boolean startedBuild) throws IOException {
        if (startedBuild && Files.exists(log)) {
            Files.move(log, started(log));
        }
        List<Path> all = logs();
        prune(all.stream().filter(p -> !isStarted(p)).toList());
        prune(all.stream().filter(PollingHistory::isStarted).toList());
    }

    /**
     * Returns the logs, newest first.
     *
     * @return the log files
     * @throws IOException if the directory cannot be listed
     */
    synchronized List<Path> logs() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    /**
     * Returns the text of the logs, newest first.
     *
     * @return each poll's log; marked when the poll started a build
     * @throws IOException if a log cannot be read
     */
    List<String> texts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path log : logs()) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            texts.add(isStarted(log) ? "[started a build]\n" + text : text);
        }
        return texts;
    }

    private static void prune(List<Path> newestFirst) throws IOException {
        for (int i = KEPT; i < newestFirst.size(); i++) {
            Files.deleteIfExists(newestFirst.get(i));
        }
    }

    private static boolean isStarted(Path log) {
        return log.getFileName().toString().endsWith("-build.log");
    }

    private static Path started(Path log) {
        String name = log.getFileName().toString();
        return log.resolveSibling(name.substring(0, name.length() - ".log".length()) + "-build.log");
    }
}
