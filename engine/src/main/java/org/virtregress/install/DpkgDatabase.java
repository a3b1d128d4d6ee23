package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.virtregress.process.CommandResult;

/**
 * Reads the dpkg database of a root and matches Debian versions. A package that is unpacked but
 * not fully installed (half-configured, half-installed, ...) is listed with its state after the
 * version, so that it never matches a version asked for.
 */
final class DpkgDatabase {
    private DpkgDatabase() {
    }

    /** Returns the dpkg database directory of a root ({@code null}: the running system). */
    static Path adminDirectory(Path root) {
        Path system = Path.of("/var/lib/dpkg");
        return root == null ? system : root.resolve("var/lib/dpkg");
    }

    /** Returns name to version ({@code VERSION (STATE)} when not fully installed), several joined with ", ". */
    static Map<String, String> read(InstallRequest request, InstallSession session)
            throws IOException, InterruptedException, InstallException {
        Path admin = adminDirectory(request.root());
        CommandResult result = session.query(List.of("dpkg-query", "--admindir=" + admin, "-W",
                "-f", "${Package} ${Version} ${db:Status-Status}\\n"), Map.of());
        if (!result.succeeded()) {
            throw new InstallException("cannot read the dpkg database " + admin + ": " + result.describe()
                    + "\n" + result.output().strip());
        }
        Map<String, String> installed = new TreeMap<>();
        for (String line : result.output().split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length != 3 || fields[2].equals("not-installed") || fields[2].equals("config-files")) {
                continue;
            }
            String version = fields[2].equals("installed") ? fields[1] : fields[1] + " (" + fields[2] + ")";
            installed.merge(fields[0], version, (a, b) -> a + ", " + b);
        }
        return installed;
    }

    /** Returns whether a Debian version is the one asked for; an epoch left out of the request matches any epoch. */
    static boolean matches(String requested, String version) {
        if (version.equals(requested)) {
            return true;
        }
        int colon = version.indexOf(':');
        return !requested.contains(":") && colon > 0 && version.substring(colon + 1).equals(requested)
                && version.substring(0, colon).chars().allMatch(Character::isDigit);
    }
}
