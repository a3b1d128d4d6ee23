package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JUnitXmlParserTest {
    @Test
    void shouldReadSurefireResults() {
        ParsedCases parsed = parse("surefire.xml");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("org.example.MigrationTest.shouldMigrateLive", CaseStatus.PASS),
                tuple("org.example.MigrationTest.shouldMigrateWithPostcopy", CaseStatus.FAIL),
                tuple("org.example.MigrationTest.shouldCancel", CaseStatus.ERROR),
                tuple("org.example.MigrationTest.shouldCompress", CaseStatus.SKIP));
        assertThat(parsed.cases().get(0).duration()).isEqualTo(Duration.ofMillis(1_234_500));
        CaseResult failed = parsed.cases().get(1);
        assertThat(failed.failureReason()).isEqualTo("expected: <0> but was: <1>");
        assertThat(failed.outputExcerpt()).contains("MigrationTest.java:42").contains("migration started at");
        assertThat(parsed.cases().get(2).failureReason()).isEqualTo("java.lang.IllegalStateException: no guest");
        assertThat(parsed.cases().get(3).failureReason()).isEqualTo("needs zstd");
    }

    @Test
    void shouldReadAvocadoXunit() {
        ParsedCases parsed = parse("avocado-xunit.xml");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("1-passtest.py:PassTest.test", CaseStatus.PASS),
                tuple("2-failtest.py:FailTest.test", CaseStatus.FAIL),
                tuple("3-canceltest.py:CancelTest.test", CaseStatus.SKIP));
        assertThat(parsed.cases().get(1).failureReason()).isEqualTo("This test is supposed to fail");
        assertThat(FailureSignature.of(parsed.cases().get(1)).testId()).isEqualTo("failtest.py:FailTest.test");
    }

    @Test
    void shouldNameCasesAfterTheirSuiteWhenTheWriterGivesNoClassName() {
        ParsedCases parsed = parse("no-classname.xml");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.cases()).extracting(CaseResult::id, CaseResult::status).containsExactly(
                tuple("domain.create-destroy", CaseStatus.PASS),
                tuple("nested.inner", CaseStatus.PASS),
                tuple("domain.suspend-resume", CaseStatus.FAIL));
        assertThat(parsed.cases().get(2).failureReason()).isEqualTo("domain stayed running");
    }

    @Test
    void shouldRefuseExternalEntities() {
        ParsedCases parsed = parse("xxe.xml");

        assertThat(parsed.cases()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString()
                .startsWith("xxe.xml:2:").contains("DOCTYPE is not allowed").doesNotContain("root:");
    }

    @Test
    void shouldRefuseEntityExpansion() {
        ParsedCases parsed = parse("billion-laughs.xml");

        assertThat(parsed.cases()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString().contains("DOCTYPE is not allowed");
    }

    @Test
    void shouldRefuseUndeclaredEntities() {
        ParsedCases parsed = parse("undeclared-entity.xml");

        assertThat(parsed.cases()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString().startsWith("undeclared-entity.xml:2:")
                .contains("secret");
    }

    @Test
    void shouldKeepCasesReadBeforeTheFileWasCutAndNameThePosition() {
        ParsedCases parsed = parse("truncated.xml");

        assertThat(parsed.cases()).extracting(CaseResult::id).containsExactly("iotests.001", "iotests.002");
        assertThat(parsed.errors()).singleElement().asString().matches("truncated\\.xml:\\d+:\\d+: .+");
    }

    @Test
    void shouldRefuseAnotherRootElement() {
        ParsedCases parsed = parse("wrong-root.xml");

        assertThat(parsed.cases()).isEmpty();
        assertThat(parsed.errors()).singleElement().asString()
                .contains("root element is <project>, expected <testsuites> or <testsuite>");
    }

    @Test
    void shouldStopAtTheSizeCap() {
        InputStream head = new ByteArrayInputStream("<testsuite name=\"big\">".getBytes(StandardCharsets.UTF_8));
        InputStream body = new InputStream() {
            private final byte[] chunk = "<testcase name=\"t\" classname=\"c\"/>\n".getBytes(StandardCharsets.UTF_8);
            private long position;

            @Override
            public int read() {
                return chunk[(int) (position++ % chunk.length)];
            }
        };

        ParsedCases parsed = new JUnitXmlParser(1 << 20).parse(
                new SequenceInputStream(Collections.enumeration(List.of(head, body))), "endless.xml");

        assertThat(parsed.errors()).singleElement().asString().contains("endless.xml")
                .contains("exceeds the size cap of 1048576 bytes");
        assertThat(parsed.cases()).hasSizeGreaterThan(1000);
    }

    @Test
    void shouldStopAnEndlessCommentAtTheNodeCapKeepingTheCasesBefore() {
        InputStream head = new ByteArrayInputStream(("<testsuite name=\"big\"><testcase name=\"t\" classname=\"c\"/>"
                + "<!--").getBytes(StandardCharsets.UTF_8));
        InputStream body = new InputStream() {
            @Override
            public int read() {
                return '<';
            }
        };

        ParsedCases parsed = new JUnitXmlParser(1L << 30, 1 << 16).parse(
                new SequenceInputStream(Collections.enumeration(List.of(head, body))), "comment.xml");

        assertThat(parsed.errors()).containsExactly("comment.xml: more than 65536 bytes of one text node, tag or"
                + " comment from byte 56; refusing to read further");
        assertThat(parsed.cases()).extracting(CaseResult::id).containsExactly("c.t");
    }

    private static ParsedCases parse(String name) {
        try (InputStream in = JUnitXmlParserTest.class.getResourceAsStream("junit/" + name)) {
            return new JUnitXmlParser().parse(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
