package io.jenkins.plugins.virtregress.model;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.CaseVerdict;
import org.virtregress.suite.SuiteResult;
import org.virtregress.suite.SuiteTotals;

/**
 * Writes a suite result as JUnit XML (the Surefire dialect), so that the JUnit plugin shows guest
 * tests next to other tests. Real failures are {@code <failure>}, cases in error {@code <error>},
 * cases not run {@code <skipped>}; a flaky case passes with a {@code <flakyFailure>}, as Surefire
 * writes reruns. A suite that did not complete gets an extra case in error saying why.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    /**
     * Writes the XML.
     *
     * @param suite the suite result
     * @param out where to write; not closed
     * @throws IOException if writing fails
     */
    public static void write(SuiteResult suite, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            SuiteTotals totals = suite.totals();
            boolean suiteError = suite.errorMessage() != null && !suite.errorMessage().isEmpty();
            xml.writeAttribute("name", clean(suite.name()));
            xml.writeAttribute("tests", Integer.toString(suite.cases().size() + (suiteError ? 1 : 0)));
            xml.writeAttribute("failures", Integer.toString(totals.failures() - errorsOf(suite)));
            xml.writeAttribute("errors", Integer.toString(errorsOf(suite) + (suiteError ? 1 : 0)));
            xml.writeAttribute("skipped", Integer.toString(totals.skipped() + totals.cancelled()));
            xml.writeAttribute("time", seconds(suite.duration()));
            for (CaseResult c : suite.cases()) {
                writeCase(xml, suite.name(), c);
            }
            if (suiteError) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", clean(suite.name()));
                xml.writeAttribute("name", "(suite)");
                xml.writeStartElement("error");
                xml.writeAttribute("message", clean(suite.errorMessage()));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML of suite " + suite.name() + ": " + e.getMessage(), e);
        }
    }

    private static int errorsOf(SuiteResult suite) {
        return (int) suite.cases().stream()
                .filter(c -> c.verdict() == CaseVerdict.FAILURE && c.status() != CaseStatus.FAIL).count();
    }

    private static void writeCase(XMLStreamWriter xml, String suite, CaseResult c) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(suite));
        xml.writeAttribute("name", clean(c.name() == null ? c.id() : c.name()));
        xml.writeAttribute("time", seconds(c.duration()));
        switch (c.verdict()) {
            case FAILURE -> {
                xml.writeStartElement(c.status() == CaseStatus.FAIL ? "failure" : "error");
                xml.writeAttribute("message", clean(c.failureReason()));
                xml.writeAttribute("type", c.status().name().toLowerCase(Locale.ROOT));
                xml.writeCharacters(clean(c.outputExcerpt()));
                xml.writeEndElement();
            }
            case SKIPPED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", clean(c.failureReason()));
            }
            case FLAKY -> {
                xml.writeStartElement("flakyFailure");
                xml.writeAttribute("message", clean(c.failureReason()));
                xml.writeCharacters(clean(c.outputExcerpt()));
                xml.writeEndElement();
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

    private static String seconds(Duration duration) {
        return duration == null ? "0" : String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** Drops the characters XML 1.0 cannot hold (guest consoles print them). */
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
