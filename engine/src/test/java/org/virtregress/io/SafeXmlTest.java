package org.virtregress.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafeXmlTest {
    private static final long CAP = 64 * 1024;
    private static final long ENDLESS = 1L << 40;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<metadata><package><name>|x|text node in <name>|19",
        "<metadata>|' '|whitespace between elements|0",
        "<metadata><package name=\"|x|attribute value|10",
        "<metadata><!--|<x|comment holding '<'|10",
        "<metadata><![CDATA[|<x|CDATA section holding '<'|10",
        "<metadata><?target data |x<|processing instruction|10"})
    void shouldStopEveryKindOfEndlessNodeAtTheCapNamingTheInputAndTheByte(String head, String filler, String kind,
            long start) {
        GeneratedInput input = new GeneratedInput(head, filler, ENDLESS, "");

        XMLStreamException failure = catchThrowableOfType(() -> readAll(input, "gen.xml", CAP),
                XMLStreamException.class);

        assertThat(failure).as(kind).isNotNull();
        assertThat(SafeXml.describe(failure, "gen.xml")).as(kind).isEqualTo("gen.xml: more than " + CAP
                + " bytes of one text node, tag or comment from byte " + start + "; refusing to read further");
        assertThat(input.position()).as(kind).isLessThan(CAP + 128 * 1024);
    }

    @Test
    void shouldReadNodesUpToTheCap() throws Exception {
        String text = "y".repeat((int) CAP - 16);
        String xml = "<a><b attr=\"" + text + "\"/><c>" + text + "</c><!--" + text + "--><d><![CDATA[<" + text
                + "]]></d></a>";
        XMLStreamReader reader = SafeXml.open(stream(xml), "ok.xml", CAP);

        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.getAttributeValue(null, "attr")).isEqualTo(text);
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.getElementText()).isEqualTo(text);
        assertThat(reader.nextTag()).isEqualTo(XMLStreamConstants.START_ELEMENT);
        assertThat(reader.getElementText()).isEqualTo("<" + text);
    }

    @Test
    void shouldCapTheTextOfAnElementMadeOfManySmallPieces() throws Exception {
        XMLStreamReader reader = SafeXml.open(new GeneratedInput("<a><b>", "xxxx<![CDATA[yyyy]]>", ENDLESS, ""),
                "pieces.xml", CAP);
        reader.nextTag();
        reader.nextTag();

        XMLStreamException failure = catchThrowableOfType(reader::getElementText, XMLStreamException.class);

        assertThat(SafeXml.describe(failure, "pieces.xml")).matches(
                "pieces\\.xml:1:\\d+: the text of <b> is longer than the limit of " + CAP + " characters");
    }

    @Test
    void shouldRefuseADoctypeAndEntities() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>";

        XMLStreamException failure = catchThrowableOfType(() -> readAll(stream(xxe), "xxe.xml", CAP), XMLStreamException.class);

        assertThat(SafeXml.describe(failure, "xxe.xml")).startsWith("xxe.xml:2:")
                .contains("a DOCTYPE is not allowed");
    }

    @Test
    void shouldDescribeAParseErrorWithItsPosition() {
        XMLStreamException failure = catchThrowableOfType(() -> readAll(stream("<a>\n<b></a>"), "bad.xml", CAP),
                XMLStreamException.class);

        assertThat(SafeXml.describe(failure, "bad.xml")).matches("bad\\.xml:2:\\d+: .+").doesNotContain("ParseError");
    }

    @Test
    void shouldStopAGigabyteTextNodeWithTheDefaultRepositoryCap() {
        long cap = 8L << 20;
        GeneratedInput input = new GeneratedInput("<metadata><package><name>", "qemu", 2L << 30, "</name>");

        XMLStreamException failure = catchThrowableOfType(() -> readAll(input, "primary.xml", cap),
                XMLStreamException.class);

        assertThat(SafeXml.describe(failure, "primary.xml")).isEqualTo("primary.xml: more than 8388608 bytes of one"
                + " text node, tag or comment from byte 19; refusing to read further");
        assertThat(input.position()).isLessThan(cap + (1 << 20));
    }

    private static void readAll(InputStream in, String what, long cap) throws XMLStreamException {
        XMLStreamReader reader = SafeXml.open(in, what, cap);
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && "name".equals(reader.getLocalName())) {
                reader.getElementText();
            }
        }
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
