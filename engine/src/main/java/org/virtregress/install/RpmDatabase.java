package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtregress.process.CommandResult;

/**
 * Reads the rpm database of a root, kept in the root's {@code /var/lib/rpm} whatever the host's
 * {@code %_dbpath} says (Debian's rpm keeps its own database under {@code $HOME}), and matches
 * rpm versions.
 */
final class RpmDatabase {
    /** Where the database lives, relative to the root. */
    static final String DB_PATH = "/var/lib/rpm";

    private static final Pattern LINE = Pattern.compile("(\\S+) (\\d+:\\S+)");
    private static final Pattern EVR = Pattern.compile("(?:(\\d+):)?([^-]+)(?:-([^-]+))?");

    private RpmDatabase() {
    }

    /** Returns name to {@code EPOCH:VERSION-RELEASE}, several versions joined with ", "; gpg-pubkey left out. */
    static Map<String, String> read(InstallRequest request, InstallSession session)
            throws IOException, InterruptedException, InstallException {
        List<String> argv = new ArrayList<>(List.of("rpm"));
        if (request.root() != null) {
            argv.addAll(List.of("--root", request.root().toString()));
        }
        argv.addAll(List.of("--dbpath", DB_PATH, "-qa", "--queryformat", "%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE}\\n"));
        CommandResult result = session.query(argv, Map.of());
        if (!result.succeeded()) {
            throw new InstallException("cannot read the rpm database " + DB_PATH + " of "
                    + (request.root() == null ? "this system" : request.root()) + ": " + result.describe()
                    + "\n" + result.output().strip());
        }
        Map<String, String> installed = new TreeMap<>();
        for (String line : result.output().split("\n")) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches() && !m.group(1).equals("gpg-pubkey")) {
                installed.merge(m.group(1), m.group(2), (a, b) -> a + ", " + b);
            }
        }
        return installed;
    }

    /**
     * Returns whether an rpm version matches the one asked for: an epoch left out of the request
     * matches any epoch, a release left out matches any release; a version the request does not
     * name exactly, or several installed versions, do not match.
     */
    static boolean matches(String requested, String version) {
        if (version.contains(",")) {
            return false;
        }
        Matcher want = EVR.matcher(requested);
        Matcher have = EVR.matcher(version);
        if (!want.matches() || !have.matches()) {
            return false;
        }
        String haveEpoch = have.group(1) == null ? "0" : have.group(1);
        return (want.group(1) == null || Long.parseLong(want.group(1)) == Long.parseLong(haveEpoch))
                && want.group(2).equals(have.group(2))
                && (want.group(3) == null || want.group(3).equals(have.group(3)));
    }

    /**
     * Writes a macro file setting {@code %_dbpath} into a private home directory, so that the
     * package manager's rpm library writes the database into the root's {@code /var/lib/rpm}.
     *
     * @return the environment that points the package manager at it
     */
    static Map<String, String> environment(InstallSession session) throws IOException {
        Path home = session.workDirectory().resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve(".rpmmacros"), "%_dbpath " + DB_PATH + "\n");
        return Map.of("HOME", home.toString());
    }

    /** Names the Debian package of an rpm-side program. */
    static String debianPackage(String program) {
        return switch (program) {
            case "rpm" -> "rpm";
            case "zypper" -> "zypper";
            default -> "dnf";
        };
    }
}
