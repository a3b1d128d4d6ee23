package org.virtregress.version;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * An rpm epoch, version and release, ordered as rpm orders packages: epoch numerically (absent
 * means 0), then version and release with {@link RpmVersion#compare}. A missing release sorts
 * before any release, which keeps the order total (rpm itself treats it as "any release").
 *
 * @param epoch the epoch, 0 when absent
 * @param version the version, never empty
 * @param release the release, empty when absent
 */
public record Evr(long epoch, String version, String release) implements Comparable<Evr> {
    /** Validates the parts. */
    public Evr {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(release, "release");
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must not be negative: " + epoch);
        }
        if (version.isEmpty()) {
            throw new IllegalArgumentException("version must not be empty");
        }
    }

    /**
     * Parses {@code [epoch:]version[-release]}; the release is what follows the last dash.
     *
     * @param text the text, for example {@code 2:9.1.0-3.fc41}
     * @return the parsed value
     * @throws IllegalArgumentException if the text is empty or the epoch is not a number
     */
    @JsonCreator
    public static Evr parse(String text) {
        Objects.requireNonNull(text, "text");
        String rest = text.strip();
        long epoch = 0;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            String e = rest.substring(0, colon);
            try {
                epoch = e.isEmpty() ? 0 : Long.parseLong(e);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("epoch of '" + text + "' is not a number", ex);
            }
            rest = rest.substring(colon + 1);
        }
        int dash = rest.lastIndexOf('-');
        String version = dash >= 0 ? rest.substring(0, dash) : rest;
        String release = dash >= 0 ? rest.substring(dash + 1) : "";
        if (version.isEmpty()) {
            throw new IllegalArgumentException("version of '" + text + "' is empty");
        }
        return new Evr(epoch, version, release);
    }

    /**
     * Builds a value from the attributes of an rpm-md {@code <version>} element.
     *
     * @param epoch the epoch attribute, null or empty meaning 0
     * @param version the ver attribute
     * @param release the rel attribute, null meaning none
     * @return the value
     */
    public static Evr of(String epoch, String version, String release) {
        long e = epoch == null || epoch.isBlank() ? 0 : Long.parseLong(epoch.strip());
        return new Evr(e, version, release == null ? "" : release);
    }

    @Override
    public int compareTo(Evr other) {
        int rc = Long.compare(epoch, other.epoch);
        if (rc == 0) {
            rc = RpmVersion.compare(version, other.version);
        }
        if (rc == 0) {
            rc = RpmVersion.compare(release, other.release);
        }
        return Integer.signum(rc);
    }

    /** Returns {@code epoch:version-release}, leaving out a zero epoch and an empty release. */
    @JsonValue
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (epoch != 0) {
            out.append(epoch).append(':');
        }
        out.append(version);
        if (!release.isEmpty()) {
            out.append('-').append(release);
        }
        return out.toString();
    }
}
