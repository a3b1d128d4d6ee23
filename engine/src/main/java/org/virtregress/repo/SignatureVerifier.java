package org.virtregress.repo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.process.ProgramNotFoundException;

/**
 * Checks OpenPGP signatures of repository metadata against a repository's keyring with Debian's
 * {@code gpgv}, run in a scratch home directory so the user's own keys never count. A signature
 * is accepted when at least one signature is good and made by a key of the keyring and none is
 * bad (like apt, other signatures by unknown keys are ignored). Thread-safe.
 */
final class SignatureVerifier {
    private static final String SIGNED_MESSAGE = "-----BEGIN PGP SIGNED MESSAGE-----";
    private static final String SIGNATURE_BEGIN = "-----BEGIN PGP SIGNATURE-----";
    private static final String SIGNATURE_END = "-----END PGP SIGNATURE-----";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String STATUS = "[GNUPG:] ";

    private final Keyring keyring;
    private final ProcessRunner runner = new ProcessRunner(1 << 16);

    private SignatureVerifier(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Returns the verifier of a repository's keyring, or null when the repository has none.
     *
     * @param repository the repository
     * @return the verifier or null
     * @throws RepositoryException if the keyring cannot be read, naming it
     */
    static SignatureVerifier of(Repository repository) throws RepositoryException {
        if (repository.keyring() == null) {
            return null;
        }
        try {
            return new SignatureVerifier(Keyring.load(repository.keyring()));
        } catch (IOException e) {
            throw new RepositoryException(repository.spec() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether the index read last time may be trusted as it is: it was verified with the
     * same keys, or neither then nor now was there a keyring.
     *
     * @param previous the index read last time, or null
     * @param verifier the verifier, or null without a keyring
     * @return the index when it may be reused, null to force a full read
     */
    static IndexMark reusable(IndexMark previous, SignatureVerifier verifier) {
        if (previous == null) {
            return null;
        }
        String digest = verifier == null ? null : verifier.keyring.digest();
        return java.util.Objects.equals(previous.keyring(), digest) ? previous : null;
    }

    /** Returns the digest of the keys, recorded with the index they verified. */
    String keyringDigest() {
        return keyring.digest();
    }

    /**
     * Verifies a detached signature.
     *
     * @param data the URL of the signed file, for messages
     * @param content the signed file
     * @param signatureUri the URL of the signature, for messages
     * @param signature the signature, armored or binary
     * @throws SignatureException if the signature is not good, naming the URL
     * @throws RepositoryException if gpgv cannot be run
     */
    void verifyDetached(URI data, byte[] content, URI signatureUri, byte[] signature) throws RepositoryException {
        run(data, signatureUri, signature, content, false);
    }

    /**
     * Verifies a clearsigned message ({@code InRelease}) and returns the text that was signed.
     * Anything outside the single signed message is refused, so nothing unsigned is read.
     *
     * @param uri the URL of the message, for messages
     * @param message the clearsigned message
     * @return the signed text, dash-escaping removed
     * @throws SignatureException if the message is not clearsigned or its signature is not good
     * @throws RepositoryException if gpgv cannot be run
     */
    String verifyClearsigned(URI uri, byte[] message) throws RepositoryException {
        checkClearsignedShape(uri, new String(message, StandardCharsets.UTF_8));
        return new String(run(uri, uri, message, null, true), StandardCharsets.UTF_8);
    }

    private static void checkClearsignedShape(URI uri, String text) throws SignatureException {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(SIGNED_MESSAGE)) {
            throw new SignatureException(uri.toString(), "not a clearsigned message (no signature)");
        }
        int messages = 0;
        int begins = 0;
        int end = -1;
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            messages += line.equals(SIGNED_MESSAGE) ? 1 : 0;
            begins += line.equals(SIGNATURE_BEGIN) ? 1 : 0;
            if (line.equals(SIGNATURE_END)) {
                end = end < 0 ? k : -2;
            }
        }
        if (messages != 1 || begins != 1 || end < 0
                || lines.subList(end + 1, lines.size()).stream().anyMatch(l -> !l.isBlank())) {
            throw new SignatureException(uri.toString(),
                    "malformed clearsigned message: exactly one signed message and one signature are allowed");
        }
    }

    private byte[] run(URI what, URI signatureUri, byte[] signature, byte[] data, boolean clearsigned)
            throws RepositoryException {
        Path home = null;
        try {
            home = Files.createTempDirectory("virt-regress-gpgv");
            Path keys = Files.write(home.resolve("keyring.gpg"), keyring.binary());
            Path signatureFile = Files.write(home.resolve("signature"), signature);
            Path output = home.resolve("signed");
            List<String> argv = new ArrayList<>(List.of("gpgv", "--homedir", home.toString(),
                    "--keyring", keys.toString(), "--status-fd", "1"));
            if (clearsigned) {
                argv.addAll(List.of("--output", output.toString(), signatureFile.toString()));
            } else {
                argv.addAll(List.of(signatureFile.toString(), Files.write(home.resolve("data"), data).toString()));
            }
            CommandResult result = runner.run(Command.of(argv).separateStderr().timeout(TIMEOUT).build(),
                    OutputListener.NONE);
            judge(what, signatureUri, result);
            return clearsigned ? Files.readAllBytes(output) : new byte[0];
        } catch (ProgramNotFoundException e) {
            throw new RepositoryException("cannot verify the signature of " + what
                    + ": gpgv is not installed (Debian package gpgv): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted verifying the signature of " + what, e);
        } catch (InterruptedIOException e) {
            throw new RepositoryException("interrupted verifying the signature of " + what, e);
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException("cannot verify the signature of " + what + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(home);
        }
    }

    private void judge(URI what, URI signatureUri, CommandResult result) throws SignatureException {
        if (result.timedOut()) {
            throw new SignatureException(what.toString(), "gpgv did not finish within " + TIMEOUT.toSeconds() + " s");
        }
        boolean good = false;
        List<String> problems = new ArrayList<>();
        for (String line : result.output().lines().toList()) {
            if (!line.startsWith(STATUS)) {
                continue;
            }
            String[] words = line.substring(STATUS.length()).split(" ");
            String key = words.length > 1 ? words[1] : "?";
            switch (words[0]) {
                case "GOODSIG" -> good = true;
                case "BADSIG" -> problems.add(0, "bad signature by key " + key
                        + " (the data was changed or the signature is corrupt)");
                case "NO_PUBKEY" -> problems.add("signed by key " + key + ", which is not in keyring " + keyring.file());
                case "EXPKEYSIG" -> problems.add("signed by key " + key + ", which has expired");
                case "REVKEYSIG" -> problems.add("signed by key " + key + ", which has been revoked");
                case "EXPSIG" -> problems.add("the signature by key " + key + " has expired");
                case "NODATA" -> problems.add("no signature found in " + signatureUri);
                default -> {
                    // other status lines carry no verdict
                }
            }
        }
        boolean bad = problems.stream().anyMatch(p -> p.startsWith("bad signature"));
        if (good && !bad) {
            return;
        }
        if (problems.isEmpty()) {
            String detail = result.stderr().lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
            problems.add("gpgv exit code " + result.exitCode() + (detail.isEmpty() ? "" : ": " + detail));
        }
        throw new SignatureException(what.toString(), String.join("; ", problems.stream().distinct().toList()));
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a scratch directory left in the temporary directory does no harm
        }
    }
}
