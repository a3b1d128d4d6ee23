package org.virtregress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtregress.cli.demo.DemoResult;
import org.virtregress.cli.demo.DemoRun;
import org.virtregress.cli.demo.DemoSettings;
import org.virtregress.cli.demo.DemoTools;
import org.virtregress.install.InstallException;
import org.virtregress.suite.GuestBootTest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the whole loop on this machine with real tools and prints the culprit it finds. */
@Command(name = "demo",
        header = "Run the whole loop end to end on real tools: publish, poll, install, test, bisect, report.",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole loop on this machine with real tools and no set-up beyond"
                + " scripts/install-test-tools:",
            "1. make an upstream git project of 32 commits, one of which plants a regression;",
            "2. build rpm packages of it with rpmbuild and publish them one after another in an rpm-md"
                + " repository (createrepo_c) served on 127.0.0.1;",
            "3. poll the repository and archive every new build; install builds into an install root with"
                + " dnf and boot a TCG guest (qemu) that runs the checks the package installed;",
            "4. when the newest build fails: hunt the regression (the same engine as virt-regress hunt): bisect"
                + " the archived builds, then the commits between the last good and the first bad build (probe:"
                + " rpmbuild at the commit, dnf install, boot the guest), confirming the culprit at each level;",
            "5. write the report (JSON, HTML, text) and print the culprit.",
            "Takes about a minute on two cores: some 25 guest boots, two at a time.",
            "",
            "Exit codes: 0 the planted culprit was found and confirmed; 6 the run ended otherwise"
                + " (no regression showed, the bisection ended inconclusive or unconfirmed); 2 usage error;"
                + " 3 a tool, build or repository step failed; 4 an install on the test host failed;"
                + " 5 the guest suite errored."})
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "work directory, missing or empty (default: a new temporary directory); it keeps the"
                    + " upstream repository, the packages, the archive, every probe's logs and the report")
    private Path workdir;

    @Option(names = "--probes", paramLabel = "K", defaultValue = "2",
            description = "probes (guests) run at once in a bisection round (default: ${DEFAULT-VALUE}, one per core)")
    private int probes;

    @Option(names = "--confirm", paramLabel = "M", defaultValue = "3",
            description = "confirmation runs of the culprit and of its parent (default: ${DEFAULT-VALUE},"
                    + " osstest's standard)")
    private int confirm;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (probes < 1 || confirm < 0) {
            err.println("virt-regress demo: --probes must be at least 1 and --confirm at least 0");
            err.flush();
            return ExitCodes.USAGE;
        }
        if (workdir != null && !DemoRun.usable(workdir)) {
            err.println("virt-regress demo: work directory " + workdir + " is not an empty directory");
            err.flush();
            return ExitCodes.USAGE;
        }
        List<String> missing = DemoTools.missing(System.getenv("PATH"), GuestBootTest.defaultKernel());
        if (!missing.isEmpty()) {
            err.println("virt-regress demo: missing " + String.join(", ", missing)
                    + "; scripts/install-test-tools installs them");
            err.flush();
            return ExitCodes.REPOSITORY;
        }
        Path directory = workdir != null ? workdir : Files.createTempDirectory("virt-regress-demo-");
        DemoRun run = new DemoRun(directory, new DemoSettings(probes, confirm), out);
        Thread cleanup = new Thread(run::abort, "virt-regress-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            DemoResult result = run.run();
            return switch (result.ending()) {
                case INSTALL_FAILED -> ExitCodes.INSTALL;
                case SUITE_ERROR -> ExitCodes.SUITE_ERROR;
                default -> result.foundPlanted() ? ExitCodes.OK : ExitCodes.INCONCLUSIVE;
            };
        } catch (InstallException e) {
            err.println("virt-regress demo: " + e.getMessage());
            err.flush();
            return ExitCodes.INSTALL;
        } catch (IOException e) {
            err.println("virt-regress demo: " + e.getMessage());
            err.flush();
            return ExitCodes.REPOSITORY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("virt-regress demo: interrupted");
            err.flush();
            return ExitCodes.INCONCLUSIVE;
        } finally {
            run.abort();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook runs anyway
            }
        }
    }
}
