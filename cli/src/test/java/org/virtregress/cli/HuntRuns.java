package org.virtregress.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code virt-regress hunt} for the hunt tests: builds its argument list and runs it in this JVM or a child. */
final class HuntRuns {
    /**
     * A finished command.
     *
     * @param exitCode its exit code
     * @param out what it printed, standard output and error together
     */
    record Run(int exitCode, String out) {
    }

    private HuntRuns() {
    }

    /**
     * The arguments of a hunt: the archive, the manager without gpg checks, the report directory; with
     * {@code commitsFrom}, vrqemu's upstream repository and commit probe and one confirmation unless the
     * options name {@code --confirm}; then the options and the suite after {@code --}.
     *
     * @param manager the package manager
     * @param archive the archive
     * @param report the report directory
     * @param commitsFrom the history whose upstream repository and commit probe the commit level uses, or
     *     null for a hunt that stops at the build
     * @param suite the suite script
     * @param options the further options
     * @return the arguments, starting with {@code hunt}
     */
    static List<String> argv(String manager, Path archive, Path report, HuntHistory commitsFrom, Path suite,
                             String... options) throws java.io.IOException {
        List<String> argv = new ArrayList<>(List.of("hunt", "--archive", archive.toString(),
                "--manager", manager, "--no-gpg-check", "--report", report.toString()));
        if (commitsFrom != null) {
            argv.addAll(List.of("--source", "vrqemu=" + commitsFrom.upstream(), "--commit-probe",
                    commitsFrom.script("hunt-commit-probe.sh").toString()));
            if (!List.of(options).contains("--confirm")) {
                argv.addAll(List.of("--confirm", "1"));
            }
        }
        argv.addAll(List.of(options));
        argv.add("--");
        argv.add(suite.toString());
        return argv;
    }

    /** Runs a command line in this JVM, capturing what it prints. */
    static Run run(List<String> argv) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(argv.toArray(String[]::new));
        return new Run(code, out.toString());
    }

    /** Returns the command that runs a command line in a child JVM, on this test's class path. */
    static List<String> javaCommand(List<String> argv) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "org.virtregress.cli.Main"));
        command.addAll(argv);
        return command;
    }
}
