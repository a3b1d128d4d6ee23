package org.virtregress.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LongOutputLineTest {
    private static final int LONG = 20_000_000;

    @Test
    void shouldCutALineWithoutNewlineForTheListenerAndKeepItWholeInTheLog(@TempDir Path dir) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Path log = dir.resolve("out.log");

        CommandResult result = new ProcessRunner().run(Command.of("sh", "-c",
                "echo before; head -c " + LONG + " /dev/zero | tr '\\0' x; echo; printf 'after\\r\\nlast'")
                .logFile(log).build(), (stream, line) -> lines.add(line));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.truncated()).isTrue();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("before");
        assertThat(lines.get(1)).hasSize(ProcessRunner.MAX_LINE_CHARS).matches("x+");
        assertThat(lines.subList(2, 4)).containsExactly("after", "last");
        try (BufferedReader reader = Files.newBufferedReader(log)) {
            assertThat(reader.readLine()).isEqualTo("before");
            String whole = reader.readLine();
            assertThat(whole).hasSize(LONG);
            assertThat(whole.chars().allMatch(c -> c == 'x')).isTrue();
            assertThat(reader.readLine()).isEqualTo("after");
            assertThat(reader.readLine()).isEqualTo("last");
        }
    }
}
