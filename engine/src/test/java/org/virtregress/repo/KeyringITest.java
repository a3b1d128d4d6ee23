package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyringITest {
    @Test
    void shouldReadAnArmoredKeyringAsTheSameKeysAsItsBinaryExport(@TempDir Path dir) throws Exception {
        try (SigningKey key = SigningKey.generate(dir, "Keyring")) {
            Keyring binary = Keyring.load(key.exportBinary(dir.resolve("keys.gpg")));
            Keyring armored = Keyring.load(key.exportArmored(dir.resolve("keys.asc")));

            assertThat(armored.binary()).isEqualTo(binary.binary()).isEqualTo(Files.readAllBytes(dir.resolve("keys.gpg")));
            assertThat(armored.digest()).isEqualTo(binary.digest());
            assertThat(armored.file()).isEqualTo(dir.resolve("keys.asc"));
        }
    }

    @Test
    void shouldJoinSeveralArmoredBlocks(@TempDir Path dir) throws Exception {
        try (SigningKey one = SigningKey.generate(dir, "One"); SigningKey two = SigningKey.generate(dir, "Two")) {
            Path both = dir.resolve("both.asc");
            Files.writeString(both, Files.readString(one.exportArmored(dir.resolve("one.asc")))
                    + Files.readString(two.exportArmored(dir.resolve("two.asc"))));

            byte[] expected = concat(Files.readAllBytes(one.exportBinary(dir.resolve("one.gpg"))),
                    Files.readAllBytes(two.exportBinary(dir.resolve("two.gpg"))));
            assertThat(Keyring.load(both).binary()).isEqualTo(expected);
        }
    }

    @Test
    void shouldRefuseAnArmoredBlockWhoseChecksumDoesNotMatch(@TempDir Path dir) throws Exception {
        try (SigningKey key = SigningKey.generate(dir, "Crc")) {
            Path armored = key.exportArmored(dir.resolve("keys.asc"));
            String text = Files.readString(armored);
            int crc = text.lastIndexOf("\n=") + 2;
            Files.writeString(armored, text.substring(0, crc) + (text.charAt(crc) == 'A' ? 'B' : 'A')
                    + text.substring(crc + 1));

            assertThatThrownBy(() -> Keyring.load(armored)).isInstanceOf(IOException.class)
                    .hasMessage("keyring " + armored + " has an armored key block whose checksum does not match");
        }
    }

    @Test
    void shouldNameAFileThatIsMissingOrHoldsNoKeys(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("keys.txt"), "just text\n");

        assertThatThrownBy(() -> Keyring.load(dir.resolve("none.gpg")))
                .hasMessage("keyring " + dir.resolve("none.gpg") + " does not exist");
        assertThatThrownBy(() -> Keyring.load(text)).hasMessageStartingWith("keyring " + text + " holds no OpenPGP public keys");
        assertThatThrownBy(() -> Keyring.load(Files.createFile(dir.resolve("empty.gpg"))))
                .hasMessageContaining("holds no OpenPGP public keys");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
