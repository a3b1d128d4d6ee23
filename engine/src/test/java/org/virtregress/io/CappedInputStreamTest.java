package org.virtregress.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class CappedInputStreamTest {
    @Test
    void shouldLetTheCapThroughAndReadOneBytePastItAtMost() {
        GeneratedInput endless = new GeneratedInput("", "z", 1L << 40, "");
        CappedInputStream capped = new CappedInputStream(endless, 1000, "endless is larger than 1000 bytes");

        assertThatThrownBy(() -> capped.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOf(LimitExceededException.class).hasMessage("endless is larger than 1000 bytes");
        assertThat(endless.position()).isEqualTo(1001);
        assertThat(capped.count()).isEqualTo(1001);
    }

    @Test
    void shouldReadAnInputOfExactlyTheCap() throws IOException {
        try (CappedInputStream capped = new CappedInputStream(new ByteArrayInputStream(new byte[1000]), 1000, "x")) {
            assertThat(capped.readAllBytes()).hasSize(1000);
        }
    }

    @Test
    void shouldLeaveTheCallersStreamOpenWhenAskedTo() throws IOException {
        boolean[] closed = {false};
        InputStream owned = new ByteArrayInputStream(new byte[10]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        CappedInputStream.leavingOpen(owned, 100, "x").close();
        assertThat(closed[0]).isFalse();
        new CappedInputStream(owned, 100, "x").close();
        assertThat(closed[0]).isTrue();
    }
}
