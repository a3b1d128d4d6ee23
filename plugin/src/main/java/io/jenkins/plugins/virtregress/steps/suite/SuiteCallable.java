package io.jenkins.plugins.virtregress.steps.suite;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;
import org.virtregress.suite.JUnitXmlWriter;
import org.virtregress.suite.RerunTemplate;
import org.virtregress.suite.ResultFormat;
import org.virtregress.suite.ResultsSource;
import org.virtregress.suite.SuiteDefinition;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteRunner;
import org.virtregress.storage.Json;

/**
 * Runs a guest test suite on the agent with the engine's suite runner, in the workspace, writes
 * its JUnit XML there, and brings the suite result back as JSON.
 */
final class SuiteCallable extends MasterToSlaveFileCallable<String> {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> argv;
    private final Map<String, String> environment;
    private final String format;
    private final String results;
    private final long timeoutMinutes;
    private final List<String> rerunCommand;
    private final int reruns;
    private final String junitFile;
    private final TaskListener listener;

    SuiteCallable(String name, List<String> argv, Map<String, String> environment, String format, String results,
            long timeoutMinutes, List<String> rerunCommand, int reruns, String junitFile, TaskListener listener) {
        this.name = name;
        this.argv = List.copyOf(argv);
        this.environment = Map.copyOf(environment);
        this.format = format;
        this.results = results;
        this.timeoutMinutes = timeoutMinutes;
        this.rerunCommand = List.copyOf(rerunCommand);
        this.reruns = reruns;
        this.junitFile = junitFile;
        this.listener = listener;
    }

    @Override
    public String invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        Path directory = workspace.toPath();
        SuiteDefinition.Builder suite;
        try {
            ResultFormat resultFormat = ResultFormat.fromName(format);
            suite = SuiteDefinition.builder(name, argv)
                    .workingDirectory(directory)
                    .env(environment)
                    .timeout(Duration.ofMinutes(timeoutMinutes))
                    .results(results == null ? ResultsSource.stdout() : ResultsSource.files(results), resultFormat)
                    .logDirectory(directory.resolve("virt-regress-logs").resolve(safe(name)));
            if (reruns > 0 && !rerunCommand.isEmpty()) {
                suite.rerunFailed(new RerunTemplate(rerunCommand), reruns);
            }
        } catch (IllegalArgumentException e) {
            throw new IOException("Suite " + name + ": " + e.getMessage(), e);
        }
        log.println("Running suite " + name + ": " + String.join(" ", argv));
        SuiteResult result = new SuiteRunner().run(suite.build(), (stream, line) -> log.println(line));
        Path junit = directory.resolve(junitFile).normalize();
        if (!junit.startsWith(directory)) {
            throw new IOException("JUnit file " + junitFile + " is outside the workspace");
        }
        Path parent = junit.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(junit)) {
            JUnitXmlWriter.write(result, out);
        }
        log.println("Wrote JUnit XML to " + junitFile);
        return Json.mapper().writeValueAsString(result);
    }

    private static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
