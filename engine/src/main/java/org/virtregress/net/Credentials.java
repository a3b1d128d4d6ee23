package org.virtregress.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP basic authentication credentials for a repository, used alike to poll it and to install
 * from it. {@link #toString()} never shows the password, and nothing in the engine logs it.
 *
 * @param user the user name
 * @param password the password
 */
public record Credentials(String user, String password) {
    /** Environment variable holding the user name. */
    public static final String USER_VARIABLE = "VIRT_REGRESS_REPO_USER";
    /** Environment variable holding the password. */
    public static final String PASSWORD_VARIABLE = "VIRT_REGRESS_REPO_PASSWORD";

    /** Checks the parts. */
    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads credentials from a file whose first non-empty line is {@code user:password}.
     *
     * @param file the file, best readable by its owner only
     * @return the credentials
     * @throws IOException if the file cannot be read or has no {@code user:password} line; the
     *     message names the file, never its content
     */
    public static Credentials fromFile(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                int colon = trimmed.indexOf(':');
                if (colon <= 0) {
                    break;
                }
                return new Credentials(trimmed.substring(0, colon), trimmed.substring(colon + 1));
            }
        }
        throw new IOException("credentials file " + file + " has no 'user:password' line");
    }

    /**
     * Reads credentials from {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}.
     *
     * @param environment the environment, usually {@code System.getenv()}
     * @return the credentials, or empty when the user variable is not set
     */
    public static Optional<Credentials> fromEnvironment(Map<String, String> environment) {
        String user = environment.get(USER_VARIABLE);
        if (user == null || user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(user, environment.getOrDefault(PASSWORD_VARIABLE, "")));
    }

    /**
     * Returns the value of an HTTP {@code Authorization} header: {@code Basic} and the encoded
     * {@code user:password}. Never log it.
     *
     * @return the header value
     */
    public String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=****]";
    }
}
