package org.virtregress.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtregress.process.OutputListener;
import org.virtregress.storage.AtomicFile;
import org.virtregress.storage.Json;
import org.virtregress.suite.CaseAttempt;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseVerdict;
import org.virtregress.suite.JUnitXmlWriter;
import org.virtregress.suite.ParsedCases;
import org.virtregress.suite.RerunTemplate;
import org.virtregress.suite.ResultFormat;
import org.virtregress.suite.ResultsSource;
import org.virtregress.suite.SuiteDefinition;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteRunner;
import org.virtregress.suite.SuiteStatus;
import org.virtregress.suite.SuiteTotals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virt-regress test}: runs a guest test suite and reads its results, or reads existing
 * results with {@code --parse}. Exits 0 when every case passed (flaky ones included), 1 on real
 * failures, 5 when the suite errored or timed out, 2 on usage errors.
 */
@Command(name = "test",
        header = "Run a guest test suite (or read existing results) and tell flaky from real failures.",
        description = {
            "Run a test suite command and read its results (TAP on standard output, or JUnit/xunit XML",
            "or avocado results.json files), rerunning failed cases to tell flaky from broken;",
            "or read existing results with --parse.",
            "Exit codes: 0 all passed (flaky allowed), 1 real failures, 5 suite error or timeout, 2 usage."},
        mixinStandardHelpOptions = true)
public final class TestCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "tap|junit|avocado",
            description = "Results format (default: junit for *.xml, avocado for *.json, else tap).")
    private String format;

    @Option(names = "--results", paramLabel = "PATH|GLOB",
            description = "Results files the suite writes, relative to the working directory "
                    + "(default: TAP on standard output).")
    private String results;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Kill the suite's whole process tree after this long, e.g. 30s, 5m, 1h (default: 30m).")
    private Duration timeout = Duration.ofMinutes(30);

    @Option(names = "--rerun-failed", paramLabel = "N",
            description = "Rerun each failed case up to N times; one passing on a rerun is flaky (default: 0).")
    private int rerunFailed;

    @Option(names = "--rerun-template", paramLabel = "ARGV",
            description = {"Command that runs one case: words separated by spaces, or a JSON array of strings;",
                "{case} is replaced by the case id, {name} by its name. Default for TAP: the suite command",
                "followed by the case id."})
    private String rerunTemplate;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON to this file.")
    private Path json;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write the result as JUnit XML (Surefire dialect, flaky reruns included) to this file.")
    private Path junit;

    @Option(names = "--name", paramLabel = "NAME", description = "Suite name (default: the program's file name).")
    private String name;

    @Option(names = {"-C", "--workdir"}, paramLabel = "DIR", description = "Working directory of the suite.")
    private Path workdir;

    @Option(names = "--log-dir", paramLabel = "DIR",
            description = "Directory for the full logs (default: a new temporary directory).")
    private Path logDir;

    @Option(names = {"-v", "--verbose"}, description = "Print the suite's output as it runs.")
    private boolean verbose;

    @Option(names = "--parse", paramLabel = "FILE", description = "Read an existing results file instead of running.")
    private Path parse;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The suite command and its arguments, after --.")
    private List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultFormat resultFormat;
        try {
            resultFormat = format != null ? ResultFormat.fromName(format)
                    : guess(parse != null ? parse.getFileName().toString() : results);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        SuiteResult result;
        if (parse != null) {
            if (!command.isEmpty()) {
                return usage(err, "give either --parse FILE or a command to run, not both");
            }
            if (!Files.isRegularFile(parse)) {
                return usage(err, "results file " + parse + " does not exist");
            }
            ParsedCases parsed = resultFormat.parser().parse(parse);
            result = SuiteResult.of(name != null ? name : parse.getFileName().toString(), parsed.cases(), List.of(),
                    Duration.ZERO, parsed.errors().isEmpty() ? null : String.join("; ", parsed.errors()), null);
        } else {
            if (command.isEmpty()) {
                return usage(err, "give a command to run after --, or --parse FILE");
            }
            SuiteDefinition suite;
            try {
                suite = definition(resultFormat);
            } catch (IllegalArgumentException e) {
                return usage(err, e.getMessage());
            }
            OutputListener listener = verbose ? (stream, line) -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            } : OutputListener.NONE;
            result = new SuiteRunner().run(suite, listener);
        }
        print(out, result);
        if (json != null) {
            Json.writeAtomically(json.toAbsolutePath(), result);
        }
        if (junit != null) {
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            JUnitXmlWriter.write(result, xml);
            AtomicFile.write(junit.toAbsolutePath(), xml.toByteArray());
        }
        out.flush();
        return switch (result.status()) {
            case PASSED -> ExitCodes.OK;
            case FAILED -> ExitCodes.TEST_FAILURES;
            case ERROR -> ExitCodes.SUITE_ERROR;
        };
    }

    private SuiteDefinition definition(ResultFormat resultFormat) {
        String suiteName = name != null ? name : Path.of(command.get(0)).getFileName().toString();
        SuiteDefinition.Builder suite = SuiteDefinition.builder(suiteName, command).timeout(timeout);
        if (workdir != null) {
            suite.workingDirectory(workdir.toAbsolutePath());
        }
        if (logDir != null) {
            suite.logDirectory(logDir.toAbsolutePath());
        }
        if (results != null) {
            suite.results(ResultsSource.files(results), resultFormat);
        } else if (resultFormat != ResultFormat.TAP) {
            throw new IllegalArgumentException("--format " + resultFormat.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs --results PATH|GLOB: "
                    + "only TAP is read from standard output");
        }
        if (rerunFailed < 0) {
            throw new IllegalArgumentException("--rerun-failed must not be negative");
        }
        if (rerunFailed > 0) {
            suite.rerunFailed(template(resultFormat), rerunFailed);
        } else if (rerunTemplate != null) {
            throw new IllegalArgumentException("--rerun-template needs --rerun-failed N");
        }
        return suite.build();
    }

    private RerunTemplate template(ResultFormat resultFormat) {
        if (rerunTemplate != null) {
            return new RerunTemplate(words(rerunTemplate));
        }
        if (resultFormat == ResultFormat.TAP) {
            List<String> argv = new ArrayList<>(command);
            argv.add(RerunTemplate.CASE);
            return new RerunTemplate(argv);
        }
        throw new IllegalArgumentException("--rerun-failed with --format "
                + resultFormat.name().toLowerCase(java.util.Locale.ROOT)
                + " needs --rerun-template, e.g. 'avocado run {name}'");
    }

    private static ResultFormat guess(String fileName) {
        if (fileName != null && fileName.endsWith(".xml")) {
            return ResultFormat.JUNIT;
        }
        if (fileName != null && fileName.endsWith(".json")) {
            return ResultFormat.AVOCADO;
        }
        return ResultFormat.TAP;
    }

    static List<String> words(String template) {
        String text = template.strip();
        if (text.startsWith("[")) {
            try {
                return Json.mapper().readValue(text, new TypeReference<List<String>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("--rerun-template is not a JSON array of strings: "
                        + e.getOriginalMessage());
            }
        }
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    private static void print(PrintWriter out, SuiteResult result) {
        for (CaseResult c : result.cases()) {
            if (c.verdict() == CaseVerdict.FAILURE) {
                out.println("FAIL   " + c.id() + " [" + c.status() + "]" + reason(c.failureReason())
                        + (c.reruns().isEmpty() ? "" : " (failed all " + c.attempts() + " attempts)"));
            } else if (c.verdict() == CaseVerdict.FLAKY) {
                CaseAttempt passing = c.reruns().get(c.reruns().size() - 1);
                out.println("FLAKY  " + c.id() + reason(c.failureReason()) + " (passed on attempt "
                        + passing.attempt() + ")");
            }
        }
        SuiteTotals t = result.totals();
        out.println("suite " + result.name() + ": " + result.status() + " - " + t.total() + " cases: "
                + t.passed() + " passed, " + t.failed() + " failed, " + t.errors() + " errors, "
                + t.skipped() + " skipped, " + t.warned() + " warned, " + t.cancelled() + " cancelled, "
                + t.interrupted() + " interrupted; " + t.flaky() + " flaky, " + t.failures() + " real failures");
        if (result.status() == SuiteStatus.ERROR) {
            out.println("suite error: " + result.errorMessage());
        }
        if (result.logPath() != null) {
            out.println("log: " + result.logPath());
        }
    }

    private static String reason(String reason) {
        if (reason == null) {
            return "";
        }
        String line = reason.strip().lines().findFirst().orElse("");
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
    }

    private int usage(PrintWriter err, String message) {
        err.println("virt-regress test: " + message);
        err.flush();
        return ExitCodes.USAGE;
    }
}
