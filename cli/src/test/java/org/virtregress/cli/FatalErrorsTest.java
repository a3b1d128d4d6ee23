package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {
    @Test
    void shouldReportOutOfMemoryWithItsOwnExitCodeAndWhatToDo() {
        StringWriter err = new StringWriter();

        int code = FatalErrors.report(new OutOfMemoryError("Java heap space"),
                List.of("poll", "--repo", "http://127.0.0.1/", "--state", "s.json"), new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.OUT_OF_MEMORY).isNotEqualTo(ExitCodes.TEST_FAILURES);
        assertThat(err.toString()).isEqualTo("virt-regress poll: out of memory while running poll (Java heap space);"
                + " raise -Xmx (for example VIRT_REGRESS_JAVA_OPTS=-Xmx4g) or lower the limits"
                + System.lineSeparator());
    }

    @Test
    void shouldReportAnyOtherErrorAsAnInternalError() {
        StringWriter err = new StringWriter();

        int code = FatalErrors.report(new StackOverflowError(), List.of("--verbose-unknown", "report"),
                new PrintWriter(err));

        assertThat(code).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).startsWith("virt-regress report: internal error: java.lang.StackOverflowError")
                .contains("this is a bug in virt-regress or the JVM");
    }
}
