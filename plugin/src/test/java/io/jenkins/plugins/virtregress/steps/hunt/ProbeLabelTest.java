package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProbeLabelTest {
    private static final Pattern ATOMS = Pattern.compile("[\\w-]+(\\s*&&\\s*[\\w-]+)*");

    /** Jenkins' parser stands for itself at the boundary: atoms joined by {@code &&}, split into a list. */
    private static final Function<String, List<String>> PARSER = expression -> {
        if (!ATOMS.matcher(expression).matches()) {
            throw new IllegalArgumentException("line 1:0 no viable alternative at input '" + expression + "'");
        }
        return List.of(expression.split("\\s*&&\\s*"));
    };

    /** Which nodes carry which atoms. */
    private static final Map<String, List<String>> NODES = Map.of("agent-1", List.of("virt-host", "x86_64"),
            "agent-2", List.of("virt-host"));

    private static boolean hasNodes(List<String> atoms) {
        return NODES.values().stream().anyMatch(labels -> labels.containsAll(atoms));
    }

    @Test
    void shouldTakeTheGivenLabelOverTheJobsAndNoneWhenNeitherIsSet() {
        assertThat(ProbeLabel.expression(" virt-host ", "build-hosts")).contains("virt-host");
        assertThat(ProbeLabel.expression(null, "build-hosts")).contains("build-hosts");
        assertThat(ProbeLabel.expression("  ", "build-hosts")).as("a blank label is none").contains("build-hosts");
        assertThat(ProbeLabel.expression(null, null)).isEmpty();
        assertThat(ProbeLabel.expression("", " ")).isEmpty();
    }

    @Test
    void shouldParseTheEffectiveLabelAndStopTheHuntNamingABadOne() throws Exception {
        assertThat(ProbeLabel.parse(Optional.of("virt-host && x86_64"), PARSER))
                .contains(List.of("virt-host", "x86_64"));
        assertThat(ProbeLabel.parse(Optional.empty(), PARSER)).isEmpty();

        assertThatThrownBy(() -> ProbeLabel.parse(Optional.of("virt-host &&"), PARSER))
                .isInstanceOf(AbortException.class)
                .hasMessage("huntRegression: label 'virt-host &&' is not a label expression: line 1:0 no viable"
                        + " alternative at input 'virt-host &&'");
    }

    @Test
    void shouldCheckTheFormFieldForAParseErrorAndALabelNoNodeCarries() {
        assertThat(ProbeLabel.check("virt-host", PARSER, ProbeLabelTest::hasNodes)).isEmpty();
        assertThat(ProbeLabel.check("", PARSER, ProbeLabelTest::hasNodes)).as("empty: the build's node").isEmpty();

        assertThat(ProbeLabel.check("(virt-host", PARSER, ProbeLabelTest::hasNodes)).get().satisfies(problem -> {
            assertThat(problem.error()).isTrue();
            assertThat(problem.message()).startsWith("Not a label expression: ").contains("'(virt-host'");
        });
        assertThat(ProbeLabel.check("virt-host && aarch64", PARSER, ProbeLabelTest::hasNodes)).get()
                .satisfies(problem -> {
                    assertThat(problem.error()).as("a node may get the label later").isFalse();
                    assertThat(problem.message()).startsWith("No node has the label virt-host && aarch64");
                });
    }
}
