package org.virtregress.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A guest test suite as a command: its argument array, working directory, extra environment,
 * timeout (after which the whole process tree is killed), where and in which format it reports
 * results, and how to rerun a failed case. Immutable and thread-safe.
 */
public final class SuiteDefinition {
    private final String name;
    private final List<String> argv;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final ResultsSource results;
    private final ResultFormat format;
    private final RerunTemplate rerunTemplate;
    private final int reruns;
    private final Path logDirectory;

    private SuiteDefinition(Builder builder) {
        this.name = builder.name;
        this.argv = List.copyOf(builder.argv);
        this.workingDirectory = builder.workingDirectory;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.environment));
        this.timeout = builder.timeout;
        this.results = builder.results;
        this.format = builder.format;
        this.rerunTemplate = builder.rerunTemplate;
        this.reruns = builder.reruns;
        this.logDirectory = builder.logDirectory;
    }

    /**
     * Starts a definition.
     *
     * @param name the suite name, used in results and log file names
     * @param argv the program and its arguments; never a shell string
     * @return a builder
     */
    public static Builder builder(String name, List<String> argv) {
        return new Builder(name, argv);
    }

    /** Returns the suite name. */
    public String name() {
        return name;
    }

    /** Returns the program and its arguments. */
    public List<String> argv() {
        return argv;
    }

    /** Returns the working directory, or {@code null} for the current one. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Returns the variables added to the inherited environment. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Returns the time after which the suite (and each rerun) is killed. */
    public Duration timeout() {
        return timeout;
    }

    /** Returns where the results are read from. */
    public ResultsSource results() {
        return results;
    }

    /** Returns the results format. */
    public ResultFormat format() {
        return format;
    }

    /** Returns the command that reruns one case, or {@code null} when cases cannot be rerun. */
    public RerunTemplate rerunTemplate() {
        return rerunTemplate;
    }

    /** Returns how many times a failed case is rerun at most (0: never). */
    public int reruns() {
        return reruns;
    }

    /** Returns the directory receiving full logs, or {@code null} for a new temporary directory. */
    public Path logDirectory() {
        return logDirectory;
    }

    /** Collects the settings of a {@link SuiteDefinition}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private final List<String> argv;
        private Path workingDirectory;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration timeout = Duration.ofMinutes(30);
        private ResultsSource results = ResultsSource.stdout();
        private ResultFormat format = ResultFormat.TAP;
        private RerunTemplate rerunTemplate;
        private int reruns;
        private Path logDirectory;

        private Builder(String name, List<String> argv) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("suite name is empty");
            }
            if (argv == null || argv.isEmpty()) {
                throw new IllegalArgumentException("suite " + name + " has no command");
            }
            this.name = name;
            this.argv = new ArrayList<>(argv);
        }

        /** Sets the working directory; results globs are relative to it. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** Adds one environment variable. */
        public Builder env(String variable, String value) {
            environment.put(Objects.requireNonNull(variable), Objects.requireNonNull(value));
            return this;
        }

        /** Adds environment variables. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Sets the time after which the whole process tree is killed (default 30 minutes). */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
            this.timeout = value;
            return this;
        }

        /** Sets where the results are read from and their format (default: TAP on standard output). */
        public Builder results(ResultsSource source, ResultFormat resultFormat) {
            this.results = Objects.requireNonNull(source, "source");
            this.format = Objects.requireNonNull(resultFormat, "format");
            if (source.fromStdout() && resultFormat != ResultFormat.TAP) {
                throw new IllegalArgumentException("only TAP is read from standard output; "
                        + resultFormat + " results must be files");
            }
            return this;
        }

        /**
         * Reruns each failed case up to {@code times} times with a template; a case passing on a
         * rerun is flaky.
         *
         * @param template the command running one case
         * @param times the largest number of reruns per case, 0 to 100
         * @return this builder
         */
        public Builder rerunFailed(RerunTemplate template, int times) {
            if (times < 0 || times > 100) {
                throw new IllegalArgumentException("reruns must be between 0 and 100: " + times);
            }
            this.rerunTemplate = times == 0 ? null : Objects.requireNonNull(template, "template");
            this.reruns = times;
            return this;
        }

        /** Sets the directory receiving the full logs of the suite and its reruns. */
        public Builder logDirectory(Path directory) {
            this.logDirectory = directory;
            return this;
        }

        /** Returns the definition. */
        public SuiteDefinition build() {
            return new SuiteDefinition(this);
        }
    }
}
