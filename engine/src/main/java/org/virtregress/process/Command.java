package org.virtregress.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An external command described as an argument array, with its working directory, extra
 * environment, timeout and optional full log file. Immutable and thread-safe.
 */
public final class Command {
    /** Default timeout of a command that does not set one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private final List<String> argv;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final Path logFile;
    private final boolean mergeStderr;

    private Command(Builder builder) {
        this.argv = List.copyOf(builder.argv);
        this.workingDirectory = builder.workingDirectory;
        this.environment = Collections.unmodifiableMap(new LinkedHashMap<>(builder.environment));
        this.timeout = builder.timeout;
        this.logFile = builder.logFile;
        this.mergeStderr = builder.mergeStderr;
    }

    /**
     * Starts a command from its program and arguments.
     *
     * @param argv the program followed by its arguments; never a shell string
     * @return a builder for further settings
     * @throws IllegalArgumentException if the array is empty or holds a null or a NUL character
     */
    public static Builder of(String... argv) {
        return of(List.of(argv));
    }

    /**
     * Starts a command from its program and arguments.
     *
     * @param argv the program followed by its arguments; never a shell string
     * @return a builder for further settings
     * @throws IllegalArgumentException if the list is empty or holds a null or a NUL character
     */
    public static Builder of(List<String> argv) {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty() || argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("command is empty: a program name is required");
        }
        for (String arg : argv) {
            if (arg == null || arg.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("command " + argv.get(0) + " has a null or NUL argument");
            }
        }
        return new Builder(argv);
    }

    public List<String> argv() {
        return argv;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Duration timeout() {
        return timeout;
    }

    /** Returns the file that receives the full output, or {@code null} if none. */
    public Path logFile() {
        return logFile;
    }

    public boolean mergeStderr() {
        return mergeStderr;
    }

    /** Returns the command as a readable line for logs (arguments quoted when needed, not for a shell). */
    public String display() {
        return display(argv);
    }

    static String display(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String arg : argv) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (arg.isEmpty() || arg.chars().anyMatch(c -> Character.isWhitespace(c) || "'\"\\$`;&|<>*?".indexOf(c) >= 0)) {
                sb.append('\'').append(arg.replace("'", "'\\''")).append('\'');
            } else {
                sb.append(arg);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return display();
    }

    /** Collects the settings of a {@link Command}. Not thread-safe. */
    public static final class Builder {
        private final List<String> argv;
        private Path workingDirectory;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private Path logFile;
        private boolean mergeStderr = true;

        private Builder(List<String> argv) {
            this.argv = new ArrayList<>(argv);
        }

        /** Sets the working directory; the current one when not set. */
        public Builder workingDirectory(Path directory) {
            this.workingDirectory = directory;
            return this;
        }

        /** Adds (or overrides) one environment variable on top of the inherited environment. */
        public Builder env(String name, String value) {
            this.environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds (or overrides) environment variables on top of the inherited environment. */
        public Builder env(Map<String, String> variables) {
            variables.forEach(this::env);
            return this;
        }

        /** Sets the time after which the whole process tree is killed. */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
            this.timeout = value;
            return this;
        }

        /** Writes the full, uncapped output to this file as well. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** Keeps standard error apart from standard output (merged by default). */
        public Builder separateStderr() {
            this.mergeStderr = false;
            return this;
        }

        public Command build() {
            return new Command(this);
        }
    }
}
