package org.virtregress.repo;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the upstream git commit a package was built from, in the places packagers put it: a
 * snapshot version ({@code 9.1.0+git20241002.abc1234}, {@code 9.1.0~git20241002.gabc1234},
 * {@code 8.2.0+git12.gabc1234}, {@code 1.2.3.45.gabc1234}) or rpm's {@code VCS} tag
 * ({@code git+https://gitlab.com/qemu-project/qemu.git#abc1234...}). Pure functions.
 */
public final class SourceCommit {
    private static final String HASH = "([0-9a-f]{7,40})(?![0-9a-z])";
    private static final Pattern DATED = Pattern.compile(
            "git[._]?(?:\\d{8}(?:t?\\d{4,6})?|\\d{10})[.+~_-]g?" + HASH);
    private static final Pattern DESCRIBE = Pattern.compile("(?:^|[.+~_-])g" + HASH);
    private static final Pattern PLAIN = Pattern.compile("git[.+~_-]?" + HASH);
    private static final Pattern VCS = Pattern.compile("[#@/]" + HASH + "$");

    private SourceCommit() {
    }

    /**
     * Finds a git commit hash in a package version.
     *
     * @param version the version (without release), for example {@code 9.1.0+git20241002.abc1234}
     * @return the abbreviated or full hash, lower case, or empty when the version names none
     */
    public static Optional<String> fromVersion(String version) {
        if (version == null) {
            return Optional.empty();
        }
        String text = version.toLowerCase(Locale.ROOT);
        for (Pattern pattern : new Pattern[] {DATED, DESCRIBE}) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        Matcher plain = PLAIN.matcher(text);
        if (plain.find() && plain.group(1).chars().anyMatch(Character::isLetter)) {
            return Optional.of(plain.group(1));
        }
        return Optional.empty();
    }

    /**
     * Finds a git commit hash at the end of an rpm {@code VCS} tag.
     *
     * @param vcs the tag value, for example {@code git+https://example.org/qemu.git#0123abc...}
     * @return the hash, or empty when the tag names none (or is {@code (none)})
     */
    public static Optional<String> fromVcsTag(String vcs) {
        if (vcs == null) {
            return Optional.empty();
        }
        Matcher m = VCS.matcher(vcs.strip().toLowerCase(Locale.ROOT));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
