package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlWriterTest {
    private static byte[] write(SuiteResult suite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JUnitXmlWriter.write(suite, out);
        return out.toByteArray();
    }

    private static Document document(SuiteResult suite) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(write(suite)));
    }

    private static Element testCase(Document document, int index) {
        return (Element) document.getElementsByTagName("testcase").item(index);
    }

    private static Element child(Element parent, String name, int index) {
        return (Element) parent.getElementsByTagName(name).item(index);
    }

    private static CaseAttempt rerun(int attempt, CaseStatus status, String reason, String output) {
        return new CaseAttempt(attempt, status, Duration.ofSeconds(1), reason, output, List.of());
    }

    private static SuiteResult mixedSuite() {
        CaseResult flaky = CaseResult.of("4", "migrate", CaseStatus.FAIL, Duration.ofSeconds(2), "timeout", "late")
                .withRerun(rerun(2, CaseStatus.ERROR, "crashed", "oops"))
                .withRerun(rerun(3, CaseStatus.PASS, null, null));
        CaseResult stuck = CaseResult.of("6", "hotplug", CaseStatus.FAIL, Duration.ofSeconds(3), "no cpu", "dmesg")
                .withRerun(rerun(2, CaseStatus.FAIL, "still no cpu", "again"));
        return SuiteResult.of("guest-boot", List.of(
                CaseResult.of("1", "boots", CaseStatus.PASS, Duration.ofMillis(1500), null, "login:"),
                CaseResult.of("2", "net <eth0>", CaseStatus.FAIL, Duration.ofSeconds(1), "no \"link\" & \u0001",
                        "a < b ]]> c"),
                CaseResult.of("3", "disk", CaseStatus.ERROR, Duration.ofSeconds(1), "crashed", null),
                flaky,
                CaseResult.of("5", "numa", CaseStatus.SKIP, Duration.ZERO, "one node", null),
                stuck), List.of(), Duration.ofSeconds(8), null, null);
    }

    @Test
    void shouldReadBackThroughTheEnginesOwnParser() throws IOException {
        SuiteResult suite = mixedSuite();

        ParsedCases parsed = new JUnitXmlParser().parse(new ByteArrayInputStream(write(suite)), "written.xml");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::name, CaseResult::status, CaseResult::failureReason)
                .containsExactly(
                        tuple("boots", CaseStatus.PASS, null),
                        tuple("net <eth0>", CaseStatus.FAIL, "no \"link\" &"),
                        tuple("disk", CaseStatus.ERROR, "crashed"),
                        tuple("migrate", CaseStatus.PASS, null),
                        tuple("numa", CaseStatus.SKIP, "one node"),
                        tuple("hotplug", CaseStatus.FAIL, "no cpu"));
        assertThat(parsed.cases()).extracting(CaseResult::id).startsWith("guest-boot.boots");
        assertThat(parsed.cases()).extracting(CaseResult::duration).startsWith(Duration.ofMillis(1500));
        assertThat(parsed.cases().get(0).outputExcerpt()).isEqualTo("login:\n");
        assertThat(parsed.cases().get(1).outputExcerpt()).isEqualTo("a < b ]]> c\n");
        assertThat(SuiteResult.of("guest-boot", parsed.cases(), List.of(), Duration.ZERO, null, null).totals())
                .isEqualTo(SuiteTotals.of(List.of(suite.cases().get(0), suite.cases().get(1), suite.cases().get(2),
                        CaseResult.of("4", "migrate", CaseStatus.PASS, null, null, null),
                        suite.cases().get(4), suite.cases().get(5))));
    }

    @Test
    void shouldCountAsTheJenkinsJUnitPluginDoes() throws Exception {
        Element root = document(mixedSuite()).getDocumentElement();

        assertThat(root.getTagName()).isEqualTo("testsuite");
        assertThat(root.getAttribute("name")).isEqualTo("guest-boot");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("errors")).isEqualTo("1");
        assertThat(root.getAttribute("skipped")).isEqualTo("1");
        assertThat(root.getAttribute("time")).isEqualTo("8.000");
    }

    @Test
    void shouldWriteFlakyRunsAsSurefireReruns() throws Exception {
        Document document = document(mixedSuite());

        Element flaky = testCase(document, 3);
        assertThat(flaky.getElementsByTagName("failure").getLength()).isZero();
        assertThat(flaky.getElementsByTagName("error").getLength()).isZero();
        Element first = child(flaky, "flakyFailure", 0);
        assertThat(first.getAttribute("message")).isEqualTo("timeout");
        assertThat(first.getAttribute("type")).isEqualTo("fail");
        assertThat(child(first, "stackTrace", 0).getTextContent()).isEqualTo("late");
        Element second = child(flaky, "flakyError", 0);
        assertThat(second.getAttribute("message")).isEqualTo("crashed");
        assertThat(child(second, "stackTrace", 0).getTextContent()).isEqualTo("oops");

        Element stuck = testCase(document, 5);
        assertThat(child(stuck, "failure", 0).getTextContent()).isEqualTo("dmesg");
        Element rerun = child(stuck, "rerunFailure", 0);
        assertThat(rerun.getAttribute("message")).isEqualTo("still no cpu");
        assertThat(child(rerun, "stackTrace", 0).getTextContent()).isEqualTo("again");
    }

    @Test
    void shouldEscapeMarkupAndDropWhatXmlCannotHold() throws Exception {
        Document document = document(mixedSuite());

        Element failure = child(testCase(document, 1), "failure", 0);
        assertThat(testCase(document, 1).getAttribute("name")).isEqualTo("net <eth0>");
        assertThat(failure.getAttribute("message")).isEqualTo("no \"link\" & ");
        assertThat(failure.getTextContent()).isEqualTo("a < b ]]> c");
        assertThat(JUnitXmlWriter.clean("a\u0000b\uFFFEc\uD800d\tx\uD83D\uDE00")).isEqualTo("abcd\tx\uD83D\uDE00");
    }

    @Test
    void shouldAddAnErrorCaseWhenTheSuiteDidNotComplete() throws Exception {
        SuiteResult suite = SuiteResult.of("boot", List.of(), List.of(), Duration.ofMinutes(1), "timed out after 60 s",
                null);

        Document document = document(suite);

        assertThat(document.getDocumentElement().getAttribute("errors")).isEqualTo("1");
        assertThat(testCase(document, 0).getAttribute("name")).isEqualTo(JUnitXmlWriter.SUITE_ERROR_CASE);
        assertThat(child(testCase(document, 0), "error", 0).getAttribute("message")).isEqualTo("timed out after 60 s");
        ParsedCases parsed = new JUnitXmlParser().parse(new ByteArrayInputStream(write(suite)), "written.xml");
        assertThat(parsed.cases()).extracting(CaseResult::status).containsExactly(CaseStatus.ERROR);
    }
}
