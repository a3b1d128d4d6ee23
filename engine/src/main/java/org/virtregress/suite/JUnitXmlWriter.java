package org.virtregress.suite;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a suite result as JUnit XML in the Surefire dialect, the one the Jenkins JUnit plugin and
 * most CI servers read. Each case is a {@code <testcase>} whose class name is the suite name:
 * <ul>
 * <li>a real failure is {@code <failure>} (an assertion) or {@code <error>} (a crash, an
 *     interruption), followed by a {@code <rerunFailure>} / {@code <rerunError>} per failed rerun;</li>
 * <li>a case not run is {@code <skipped>};</li>
 * <li>a flaky case passes, with a {@code <flakyFailure>} / {@code <flakyError>} per failed run, as
 *     Surefire writes {@code rerunFailingTestsCount} reruns;</li>
 * <li>a passing case keeps its output in {@code <system-out>}.</li>
 * </ul>
 * The run's output is in the body of {@code <failure>} / {@code <error>} and in the
 * {@code <stackTrace>} of rerun elements. A suite that did not complete gets an extra case
 * {@code (suite)} in error saying why. Characters XML 1.0 cannot hold (guest consoles print them)
 * are dropped; the rest is escaped. Stateless and thread-safe.
 */
public final class JUnitXmlWriter {
    /** The name of the extra case that reports a suite that did not complete. */
    public static final String SUITE_ERROR_CASE = "(suite)";

    private JUnitXmlWriter() {
    }

    /**
     * Writes the XML of one suite, as a {@code <testsuite>} root.
     *
     * @param suite the suite result
     * @param out where to write, in UTF-8; flushed, not closed
     * @throws IOException if writing fails
     */
    public static void write(SuiteResult suite, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            writeSuite(xml, suite);
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML of suite " + suite.name() + ": " + e.getMessage(), e);
        }
    }

    private static void writeSuite(XMLStreamWriter xml, SuiteResult suite) throws XMLStreamException {
        boolean suiteError = suite.errorMessage() != null && !suite.errorMessage().isEmpty();
        int errors = errorsOf(suite.cases());
        int failures = (int) suite.cases().stream().filter(c -> c.verdict() == CaseVerdict.FAILURE).count() - errors;
        int skipped = (int) suite.cases().stream().filter(c -> c.verdict() == CaseVerdict.SKIPPED).count();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", clean(suite.name()));
        xml.writeAttribute("tests", Integer.toString(suite.cases().size() + (suiteError ? 1 : 0)));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors + (suiteError ? 1 : 0)));
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeAttribute("time", seconds(suite.duration()));
        for (CaseResult c : suite.cases()) {
            writeCase(xml, suite.name(), c);
        }
        if (suiteError) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", clean(suite.name()));
            xml.writeAttribute("name", SUITE_ERROR_CASE);
            xml.writeAttribute("time", "0");
            xml.writeEmptyElement("error");
            xml.writeAttribute("message", clean(suite.errorMessage()));
            xml.writeAttribute("type", "suite");
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static int errorsOf(List<CaseResult> cases) {
        return (int) cases.stream().filter(c -> c.verdict() == CaseVerdict.FAILURE && c.status() != CaseStatus.FAIL)
                .count();
    }

    private static void writeCase(XMLStreamWriter xml, String suite, CaseResult c) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(suite));
        xml.writeAttribute("name", clean(c.name()));
        xml.writeAttribute("time", seconds(c.duration()));
        switch (c.verdict()) {
            case FAILURE -> {
                xml.writeStartElement(c.status() == CaseStatus.FAIL ? "failure" : "error");
                xml.writeAttribute("message", clean(c.failureReason()));
                xml.writeAttribute("type", type(c.status()));
                xml.writeCharacters(clean(c.outputExcerpt()));
                xml.writeEndElement();
                for (CaseAttempt rerun : c.reruns()) {
                    writeRerun(xml, rerun.status() == CaseStatus.FAIL ? "rerunFailure" : "rerunError", rerun.status(),
                            rerun.failureReason(), rerun.outputExcerpt());
                }
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(c.failureReason()));
            }
            case FLAKY -> {
                writeRerun(xml, flakyElement(c.status()), c.status(), c.failureReason(), c.outputExcerpt());
                for (CaseAttempt rerun : c.reruns()) {
                    if (rerun.status().failing()) {
                        writeRerun(xml, flakyElement(rerun.status()), rerun.status(), rerun.failureReason(),
                                rerun.outputExcerpt());
                    }
                }
            }
            case PASSED -> {
                if (c.outputExcerpt() != null && !c.outputExcerpt().isEmpty()) {
                    xml.writeStartElement("system-out");
                    xml.writeCharacters(clean(c.outputExcerpt()));
                    xml.writeEndElement();
                }
            }
        }
        xml.writeEndElement();
    }

    private static String flakyElement(CaseStatus status) {
        return status == CaseStatus.FAIL ? "flakyFailure" : "flakyError";
    }

    /** One failed run of a case that was run again: message and type, its output as the stack trace. */
    private static void writeRerun(XMLStreamWriter xml, String element, CaseStatus status, String reason,
                                   String output) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", clean(reason));
        xml.writeAttribute("type", type(status));
        if (output != null && !output.isEmpty()) {
            xml.writeStartElement("stackTrace");
            xml.writeCharacters(clean(output));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String type(CaseStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /**
     * Drops the characters XML 1.0 cannot hold: control characters other than tab, line feed and
     * carriage return, lone surrogates, and U+FFFE / U+FFFF.
     *
     * @param text the text, or {@code null}
     * @return the text without them; empty for {@code null}
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF).forEach(out::appendCodePoint);
        return out.toString();
    }
}
