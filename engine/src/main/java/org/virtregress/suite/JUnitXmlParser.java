package org.virtregress.suite;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.virtregress.io.CappedInputStream;
import org.virtregress.io.LimitExceededException;
import org.virtregress.io.SafeXml;

/**
 * Reads JUnit / xunit XML as written by Maven Surefire, pytest ({@code --junitxml}) and avocado
 * ({@code --xunit}): a {@code testsuites} or {@code testsuite} root, {@code testcase} elements with
 * {@code failure}, {@code error} and {@code skipped} children and {@code system-out} /
 * {@code system-err} output. A case's id is {@code classname.name}, or {@code suite.name} when the
 * writer gives no class name. The reader streams with the engine's hardened StAX reader
 * ({@link SafeXml}: no DOCTYPE, no entities, each text node and comment capped) and caps the
 * input size. Thread-safe.
 */
public final class JUnitXmlParser implements ResultParser {
    /**
     * Default limit on one text node, tag or comment: 64 MiB, room for the captured output of a
     * long test in one CDATA section.
     */
    public static final long DEFAULT_NODE_CAP = 64L << 20;

    private final long sizeCap;
    private final long nodeCap;

    /** Creates a parser with the default size and node caps. */
    public JUnitXmlParser() {
        this(DEFAULT_SIZE_CAP);
    }

    /**
     * Creates a parser with the default node cap.
     *
     * @param sizeCap the largest input accepted, in bytes
     */
    public JUnitXmlParser(long sizeCap) {
        this(sizeCap, DEFAULT_NODE_CAP);
    }

    /**
     * Creates a parser.
     *
     * @param sizeCap the largest input accepted, in bytes
     * @param nodeCap the longest text node, tag or comment accepted, in bytes
     */
    public JUnitXmlParser(long sizeCap, long nodeCap) {
        this.sizeCap = sizeCap;
        this.nodeCap = nodeCap;
    }

    @Override
    public ParsedCases parse(InputStream input, String source) {
        List<CaseResult> cases = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = SafeXml.open(CappedInputStream.leavingOpen(input, sizeCap,
                    source + ": input exceeds the size cap of " + sizeCap + " bytes"), source, nodeCap);
            new Walk(reader, source, cases, errors).run();
        } catch (XMLStreamException e) {
            errors.add(SafeXml.describe(e, source));
        } catch (RuntimeException e) {
            // some StAX implementations wrap I/O problems (such as the size cap) in runtime exceptions
            LimitExceededException limit = LimitExceededException.findIn(e);
            errors.add(limit != null ? limit.getMessage() : source + ": " + describe(e));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
        return new ParsedCases(cases, errors);
    }

    private static String position(String source, Location at) {
        if (at == null || at.getLineNumber() < 0) {
            return source + ": ";
        }
        return source + ":" + at.getLineNumber() + ":" + at.getColumnNumber() + ": ";
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause instanceof IOException ? cause.getMessage() : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        int nl = message.indexOf("\nMessage: ");
        return nl >= 0 ? message.substring(nl + 10).strip() : message.strip();
    }

    /** One pass over a document. */
    private static final class Walk {
        private final XMLStreamReader reader;
        private final String source;
        private final List<CaseResult> cases;
        private final List<String> errors;
        private final Deque<String> suites = new ArrayDeque<>();
        private boolean rootSeen;

        Walk(XMLStreamReader reader, String source, List<CaseResult> cases, List<String> errors) {
            this.reader = reader;
            this.source = source;
            this.cases = cases;
            this.errors = errors;
        }

        void run() throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    start(reader.getLocalName());
                } else if (event == XMLStreamConstants.END_ELEMENT && "testsuite".equals(reader.getLocalName())) {
                    suites.pop();
                }
            }
        }

        private void start(String element) throws XMLStreamException {
            if (!rootSeen) {
                rootSeen = true;
                if (!"testsuites".equals(element) && !"testsuite".equals(element)) {
                    throw new XMLStreamException("root element is <" + element
                            + ">, expected <testsuites> or <testsuite>", reader.getLocation());
                }
            }
            if ("testsuite".equals(element)) {
                String name = reader.getAttributeValue(null, "name");
                suites.push(name == null ? "" : name);
            } else if ("testcase".equals(element)) {
                cases.add(readCase());
            }
        }

        private CaseResult readCase() throws XMLStreamException {
            String className = attribute("classname");
            String name = attribute("name");
            Duration duration = seconds(attribute("time"));
            if (name.isEmpty()) {
                errors.add(position(source, reader.getLocation()) + "<testcase> without a name");
                name = "testcase " + (cases.size() + 1);
            }
            String prefix = className.isEmpty() && !suites.isEmpty() ? suites.peek() : className;
            String id = prefix.isEmpty() || name.contains(prefix) ? name : prefix + "." + name;
            CaseStatus status = CaseStatus.PASS;
            String reason = null;
            StringBuilder excerpt = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    String child = reader.getLocalName();
                    CaseStatus childStatus = switch (child) {
                        case "failure" -> CaseStatus.FAIL;
                        case "error" -> CaseStatus.ERROR;
                        case "skipped" -> CaseStatus.SKIP;
                        default -> null;
                    };
                    if (childStatus != null && (status == CaseStatus.PASS || childStatus == CaseStatus.ERROR)) {
                        String message = attribute("message");
                        String type = attribute("type");
                        String text = text();
                        status = childStatus;
                        reason = !message.isEmpty() ? message : !text.isBlank() ? firstLine(text) : type;
                        if (reason.isEmpty()) {
                            reason = child;
                        }
                        append(excerpt, text);
                    } else if ("system-out".equals(child) || "system-err".equals(child)) {
                        append(excerpt, text());
                    } else {
                        depth++;
                    }
                }
            }
            if (status == CaseStatus.SKIP && reason == null) {
                reason = "skipped";
            }
            return CaseResult.of(id, name, status, duration, reason, excerpt.length() == 0 ? null : excerpt.toString());
        }

        /** Reads the text of the current element up to its end tag, keeping at most the excerpt cap. */
        private String text() throws XMLStreamException {
            StringBuilder text = new StringBuilder();
            int depth = 1;
            while (depth > 0) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (reader.hasText() && text.length() < TapStream.EXCERPT_CAP) {
                    String chunk = reader.getText();
                    text.append(chunk, 0, Math.min(chunk.length(), TapStream.EXCERPT_CAP - text.length()));
                }
            }
            return text.toString();
        }

        private String attribute(String name) {
            String value = reader.getAttributeValue(null, name);
            return value == null ? "" : value.strip();
        }

        private static void append(StringBuilder excerpt, String text) {
            if (!text.isBlank() && excerpt.length() < TapStream.EXCERPT_CAP) {
                String value = text.strip();
                excerpt.append(value, 0, Math.min(value.length(), TapStream.EXCERPT_CAP - excerpt.length()))
                        .append('\n');
            }
        }

        private static String firstLine(String text) {
            String value = text.strip();
            int nl = value.indexOf('\n');
            return nl < 0 ? value : value.substring(0, nl).strip();
        }

        private static Duration seconds(String value) {
            if (value.isEmpty()) {
                return Duration.ZERO;
            }
            try {
                double seconds = Double.parseDouble(value.replace(",", ""));
                return seconds >= 0 && seconds < 1e9 ? Duration.ofNanos((long) (seconds * 1e9)) : Duration.ZERO;
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }
    }
}
