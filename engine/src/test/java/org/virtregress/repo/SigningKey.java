package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throwaway ed25519 signing key made by real gpg in a home directory of its own. */
final class SigningKey implements AutoCloseable {
    private final Path home;

    private SigningKey(Path home) {
        this.home = home;
    }

    /** Generates a key without a passphrase in a fresh home directory under {@code dir}. */
    static SigningKey generate(Path dir, String name) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(dir, "gnupg", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        SigningKey key = new SigningKey(home);
        key.gpg("--quick-gen-key", name + " <" + name.toLowerCase(java.util.Locale.ROOT) + "@example.org>",
                "ed25519", "sign", "never");
        return key;
    }

    /** Writes the public key as {@code gpg --export} does (binary). */
    Path exportBinary(Path file) throws IOException, InterruptedException {
        gpg("--output", file.toString(), "--export");
        return file;
    }

    /** Writes the public key as {@code gpg --export --armor} does. */
    Path exportArmored(Path file) throws IOException, InterruptedException {
        gpg("--output", file.toString(), "--armor", "--export");
        return file;
    }

    /** Copies gpg's own keybox ({@code pubring.kbx}), which holds the public key too. */
    Path copyKeybox(Path file) throws IOException {
        return Files.copy(home.resolve("pubring.kbx"), file);
    }

    /** Writes an armored detached signature of a file to {@code signature}. */
    Path detachSign(Path file, Path signature) throws IOException, InterruptedException {
        Files.deleteIfExists(signature);
        gpg("--output", signature.toString(), "--armor", "--detach-sign", file.toString());
        return signature;
    }

    /** Writes a clearsigned copy of a file to {@code signed}. */
    Path clearsign(Path file, Path signed) throws IOException, InterruptedException {
        Files.deleteIfExists(signed);
        gpg("--output", signed.toString(), "--clearsign", file.toString());
        return signed;
    }

    private void gpg(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("gpg", "--batch", "--pinentry-mode", "loopback",
                "--passphrase", ""));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("gpg finished").isTrue();
        assertThat(process.exitValue()).as("%s failed: %s", argv, output).isZero();
    }

    /** Stops the gpg-agent of the home directory. */
    @Override
    public void close() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("gpgconf", "--kill", "gpg-agent")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("GNUPGHOME", home.toString());
        builder.start().waitFor(30, TimeUnit.SECONDS);
    }
}
