package io.jenkins.plugins.virtregress.config;

import java.io.Serial;
import java.io.Serializable;

/**
 * A username and password for HTTP basic authentication, carried to the agent that polls.
 * {@link #toString()} never shows the password.
 *
 * @param username the user name
 * @param password the password in clear text; never logged
 */
public record BasicAuth(String username, String password) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "BasicAuth[" + username + ", ****]";
    }
}
