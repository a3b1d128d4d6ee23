package org.virtregress.io;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one place the engine makes StAX readers: DTDs and external entities off, a DOCTYPE or an
 * entity reference refused outright, no coalescing, and every text node, tag and comment capped
 * (see {@link #open(InputStream, String, long)}), so that neither an entity nor a gigabyte of
 * text in one element can exhaust memory. Thread-safe.
 */
public final class SafeXml {
    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /**
     * Opens a reader whose {@link XMLStreamReader#next()} refuses a DOCTYPE and entity references,
     * and whose {@link XMLStreamReader#getElementText()} returns at most {@code maxNodeBytes}
     * characters. The input may hold at most {@code maxNodeBytes} bytes without a new tag, and
     * as much inside one comment, CDATA section or processing instruction; past that, reading
     * fails with a {@link LimitExceededException} (nested in the {@link XMLStreamException})
     * naming the input and the byte offset.
     *
     * @param in the document; the caller closes it
     * @param what the input's name (file or URL) for messages
     * @param maxNodeBytes the limit on one text node, tag or comment
     * @return the reader
     * @throws XMLStreamException if the reader cannot be created
     */
    public static XMLStreamReader open(InputStream in, String what, long maxNodeBytes) throws XMLStreamException {
        XMLStreamReader reader;
        synchronized (FACTORY) {
            reader = FACTORY.createXMLStreamReader(new MarkupRunGuard(in, maxNodeBytes, what));
        }
        return new Guarded(reader, what, maxNodeBytes);
    }

    /**
     * Describes a StAX failure for a message that starts with the input's name: the limit
     * exceeded when that was the reason, otherwise the parser's message with the line and column.
     *
     * @param failure the failure
     * @param what the input's name (file or URL), as given to {@link #open}
     * @return the description
     */
    public static String describe(XMLStreamException failure, String what) {
        LimitExceededException limit = LimitExceededException.findIn(failure);
        String message = limit != null ? limit.getMessage() : failure.getMessage();
        if (message == null) {
            message = failure.getClass().getSimpleName();
        }
        int at = message.indexOf("\nMessage: ");
        message = at >= 0 ? message.substring(at + 10).strip() : message.strip();
        return message.startsWith(what) ? message : what + position(failure.getLocation()) + ": " + message;
    }

    private static String position(Location at) {
        return at == null || at.getLineNumber() < 0 ? "" : ":" + at.getLineNumber() + ":" + at.getColumnNumber();
    }

    /** A reader that enforces the rules of {@link SafeXml#open}. */
    private static final class Guarded extends StreamReaderDelegate {
        private final String what;
        private final long maxNodeChars;

        Guarded(XMLStreamReader reader, String what, long maxNodeChars) {
            super(reader);
            this.what = what;
            this.maxNodeChars = maxNodeChars;
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException(what + position(getLocation())
                        + ": a DOCTYPE is not allowed (no DTDs, no entities)");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException(what + position(getLocation()) + ": the entity reference &"
                        + getLocalName() + "; is not allowed");
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.SPACE || event == XMLStreamConstants.COMMENT
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || event == XMLStreamConstants.CHARACTERS && isWhiteSpace()) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException(what + position(getLocation()) + ": expected a start or end tag");
            }
            return event;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            if (getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new XMLStreamException(what + position(getLocation()) + ": not at a start tag");
            }
            String element = getLocalName();
            StringBuilder text = new StringBuilder();
            int event = next();
            while (event != XMLStreamConstants.END_ELEMENT) {
                if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (text.length() + (long) getTextLength() > maxNodeChars) {
                        throw new XMLStreamException(what + position(getLocation()) + ": the text of <" + element
                                + "> is longer than the limit of " + maxNodeChars + " characters");
                    }
                    text.append(getTextCharacters(), getTextStart(), getTextLength());
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    throw new XMLStreamException(what + position(getLocation()) + ": <" + element
                            + "> holds an element where text was expected");
                } else if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new XMLStreamException(what + ": the document ends inside <" + element + ">");
                }
                event = next();
            }
            return text.toString();
        }
    }
}
