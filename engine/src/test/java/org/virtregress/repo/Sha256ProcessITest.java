package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hashes large files with the system's openssl or sha256sum, as the readers do when one is installed. */
class Sha256ProcessITest {
    private static final Checksum ANY_SHA256 = new Checksum("sha256", "00");

    @AfterEach
    void restoreTheChoice() {
        System.clearProperty(Sha256Process.PROPERTY);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sha256Process.Program.class)
    void shouldComputeTheSameDigestAsTheJdkInPieces(Sha256Process.Program program) throws Exception {
        System.setProperty(Sha256Process.PROPERTY, program.programName());
        byte[] data = new byte[(int) Sha256Process.MIN_SIZE + 123_457];
        new Random(13).nextBytes(data);
        MessageDigest digest = Sha256Process.forFile(ANY_SHA256, data.length, "http://127.0.0.1/Packages");
        assertThat(digest).as(program.programName() + " is installed for the tests").isInstanceOf(Sha256Process.class);
        assertThat(((Sha256Process) digest).runningProgram()).isEqualTo(program);

        for (int offset = 0; offset < data.length; offset += 65_521) {
            digest.update(data, offset, Math.min(65_521, data.length - offset));
        }

        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
    }

    @Test
    void shouldPreferOpensslWhenNothingIsChosen() {
        assertThat(Sha256Process.program()).as("both programs are installed for the tests")
                .isEqualTo(Sha256Process.Program.OPENSSL);
        System.setProperty(Sha256Process.PROPERTY, "java");
        assertThat(Sha256Process.program()).isNull();
        assertThat(Sha256Process.forFile(ANY_SHA256, 64L << 20, "java chosen")).isNotInstanceOf(Sha256Process.class);
    }

    @Test
    void shouldHashSmallFilesAndOtherAlgorithmsInJava() {
        assertThat(Sha256Process.forFile(ANY_SHA256, 1000, "small")).isNotInstanceOf(Sha256Process.class);
        assertThat(Sha256Process.forFile(ANY_SHA256, -1, "unknown size")).isNotInstanceOf(Sha256Process.class);
        assertThat(Sha256Process.forFile(new Checksum("sha512", "00"), 64L << 20, "sha512").getAlgorithm())
                .isEqualTo("SHA-512");
    }

    @Test
    void shouldEndTheChildWhenTheDigestIsNotTaken() throws Exception {
        MessageDigest digest = Sha256Process.forFile(ANY_SHA256, 64L << 20, "abandoned");
        assertThat(digest).isInstanceOf(Sha256Process.class);
        digest.update(new byte[1000]);
        ((Sha256Process) digest).end();
        digest.update(new byte[1000]);
    }
}
