package org.virtregress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.virtregress.report.HtmlReport;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportJson;
import org.virtregress.report.TextReport;
import org.virtregress.storage.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Renders a report JSON file as a self-contained HTML page and/or a plain-text summary. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Render a regression report (JSON) as a self-contained HTML page and/or a plain-text summary.",
            "Without --html and --text, prints the text summary."})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "the report JSON file")
    private Path input;

    @Option(names = "--html", paramLabel = "FILE", description = "write the HTML page to this file")
    private Path html;

    @Option(names = "--text", description = "print the plain-text summary (the default without --html)")
    private boolean text;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        RegressionReport report;
        try {
            report = ReportJson.read(input);
        } catch (NoSuchFileException e) {
            err.println("virt-regress report: " + input + ": no such file");
            err.flush();
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("virt-regress report: " + (e.getMessage().contains(input.toString()) ? e.getMessage()
                    : input + ": " + e.getMessage()));
            err.flush();
            return ExitCodes.USAGE;
        }
        if (html != null) {
            try {
                AtomicFile.write(html, HtmlReport.page(report).getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.println("virt-regress report: cannot write " + html + ": " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (text || html == null) {
            out.print(TextReport.render(report));
        }
        if (html != null) {
            out.println("HTML report: " + html.toAbsolutePath());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
