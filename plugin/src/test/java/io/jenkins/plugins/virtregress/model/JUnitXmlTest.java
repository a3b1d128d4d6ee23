package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.virtregress.suite.CaseAttempt;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.SuiteResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlTest {
    private static Document write(SuiteResult suite) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXml.write(suite, out);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
    }

    private static Element testCase(Document document, int index) {
        return (Element) document.getElementsByTagName("testcase").item(index);
    }

    @Test
    void shouldWriteFailuresErrorsSkipsAndFlakyCases() throws Exception {
        CaseResult flaky = CaseResult.of("4", "migrate", CaseStatus.FAIL, Duration.ofSeconds(2), "timeout", "late")
                .withRerun(new CaseAttempt(2, CaseStatus.PASS, Duration.ofSeconds(2), null, null, List.of()));
        SuiteResult suite = SuiteResult.of("guest-boot", List.of(
                CaseResult.of("1", "boots", CaseStatus.PASS, Duration.ofMillis(1500), null, null),
                CaseResult.of("2", "net <eth0>", CaseStatus.FAIL, Duration.ofSeconds(1), "no \"link\" & \u0001", "dmesg"),
                CaseResult.of("3", "disk", CaseStatus.ERROR, Duration.ofSeconds(1), "crashed", null),
                CaseResult.of("5", "numa", CaseStatus.SKIP, Duration.ZERO, "one node", null),
                flaky), List.of(), Duration.ofSeconds(8), null, null);

        Document document = write(suite);

        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("name")).isEqualTo("guest-boot");
        assertThat(root.getAttribute("tests")).isEqualTo("5");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(testCase(document, 0).getAttribute("time")).isEqualTo("1.500");
        assertThat(testCase(document, 0).getChildNodes().getLength()).isZero();
        Element failure = (Element) testCase(document, 1).getElementsByTagName("failure").item(0);
        assertThat(testCase(document, 1).getAttribute("name")).isEqualTo("net <eth0>");
        assertThat(failure.getAttribute("message")).isEqualTo("no \"link\" & ");
        assertThat(testCase(document, 2).getElementsByTagName("error").getLength()).isEqualTo(1);
        assertThat(testCase(document, 3).getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(testCase(document, 4).getElementsByTagName("flakyFailure").getLength()).isEqualTo(1);
    }

    @Test
    void shouldAddAnErrorCaseWhenTheSuiteDidNotComplete() throws Exception {
        Document document = write(SuiteResult.of("boot", List.of(), List.of(), Duration.ofMinutes(1),
                "timed out after 60 s", null));

        assertThat(document.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        Element error = (Element) document.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("timed out after 60 s");
    }
}
