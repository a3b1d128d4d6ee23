package org.virtregress.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @Test
    void shouldReplaceContentAndLeaveNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/state.json");
        AtomicFile.write(file, "old".getBytes(StandardCharsets.UTF_8));
        Json.writeAtomically(file, Map.of("key", "new"));

        assertThat(Json.mapper().readTree(file.toFile()).get("key").asText()).isEqualTo("new");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }
}
