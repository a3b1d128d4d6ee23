package org.virtregress.repo;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** StAX readers with DTDs and external entities turned off; a DOCTYPE is rejected outright. */
final class SafeXml {
    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    static XMLStreamReader open(InputStream in) throws XMLStreamException {
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(in);
        }
    }

    /**
     * Advances to the next event, refusing DTDs and entity references.
     *
     * @param reader the reader
     * @param what the input's name for the message
     * @return the event
     * @throws XMLStreamException if the document has a DOCTYPE or an entity reference
     */
    static int next(XMLStreamReader reader, String what) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamConstants.DTD) {
            throw new XMLStreamException(what + " has a DOCTYPE declaration, which is not allowed");
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw new XMLStreamException(what + " has an entity reference '" + reader.getLocalName()
                    + "', which is not allowed");
        }
        return event;
    }
}
