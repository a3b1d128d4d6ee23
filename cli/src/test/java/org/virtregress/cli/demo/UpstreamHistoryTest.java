package org.virtregress.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UpstreamHistoryTest {
    @Test
    void shouldReadCommitsFilesAndTheRegressionMark() {
        UpstreamHistory history = UpstreamHistory.parse(String.join("\n",
                "### commit First",
                "### file README",
                "hello",
                "",
                "### file bin/run executable",
                "#!/bin/sh",
                "echo ${HOME} @x@",
                "### commit Break it",
                "### regression",
                "### file README",
                "bye",
                ""));

        assertThat(history.steps()).hasSize(2);
        UpstreamHistory.Step first = history.steps().get(0);
        assertThat(first.subject()).isEqualTo("First");
        assertThat(first.regression()).isFalse();
        assertThat(first.files()).containsExactly(
                new UpstreamHistory.FileContent("README", false, "hello\n\n"),
                new UpstreamHistory.FileContent("bin/run", true, "#!/bin/sh\necho ${HOME} @x@\n"));
        assertThat(history.steps().get(1).regression()).isTrue();
        assertThat(history.steps().get(1).files()).containsExactly(
                new UpstreamHistory.FileContent("README", false, "bye\n"));
    }

    @Test
    void shouldNameTheLineItDoesNotUnderstand() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UpstreamHistory.parse("### commit A\n### tag v1\n"))
                .withMessage("upstream history line 2 is not understood: ### tag v1");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> UpstreamHistory.parse("stray text\n"))
                .withMessage("upstream history line 1 is outside a file");
    }

    @Test
    void shouldShipTheScriptedHistoryUnfiltered() throws Exception {
        UpstreamHistory history = UpstreamHistory.load();

        assertThat(history.steps()).hasSize(32);
        assertThat(history.steps()).filteredOn(UpstreamHistory.Step::regression).hasSize(1);
        assertThat(history.steps().get(1).files().get(0).content()).contains("cat \"$(dirname \"$0\")/../conf/$1\"");
    }
}
