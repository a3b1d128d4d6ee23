package org.virtregress.repo;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The package names a poll watches: exact names and shell-style globs ({@code qemu-*},
 * {@code libvirt-daemon-driver-?emu}, {@code xen-[lt]*}). Immutable and thread-safe.
 */
public final class PackageSelector implements Predicate<String> {
    private static final Pattern GLOB = Pattern.compile("[A-Za-z0-9*?\\[][A-Za-z0-9+._*?\\[\\]!^-]{0,199}");

    private final List<String> patterns;
    private final List<Pattern> compiled;

    private PackageSelector(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.compiled = this.patterns.stream().map(PackageSelector::toRegex).toList();
    }

    /**
     * Creates a selector.
     *
     * @param patterns names or globs; at least one
     * @return the selector
     * @throws IllegalArgumentException if there is no pattern or one breaks {@link #checkPattern(String)}
     */
    public static PackageSelector of(List<String> patterns) {
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("at least one package name or pattern is required");
        }
        for (String pattern : patterns) {
            checkPattern(pattern);
        }
        return new PackageSelector(patterns);
    }

    /**
     * Checks one package name or glob: it starts with a letter, a digit or a glob character
     * ({@code * ? [}), holds only letters, digits, {@code + . _ -} and the glob characters
     * {@code * ? [ ] ! ^}, and closes every {@code [}.
     *
     * @param pattern the name or glob
     * @return the pattern
     * @throws IllegalArgumentException naming the pattern and what is wrong with it
     */
    public static String checkPattern(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("package name or pattern must not be blank");
        }
        if (!GLOB.matcher(pattern).matches()) {
            throw new IllegalArgumentException("invalid package name or pattern '" + pattern
                    + "': it starts with a letter, a digit or * ? [ and holds only letters, digits, + . _ - "
                    + "and the glob characters * ? [ ] ! ^");
        }
        toRegex(pattern);
        return pattern;
    }

    /** Returns the patterns as given. */
    public List<String> patterns() {
        return patterns;
    }

    /**
     * Tells whether a package name is watched.
     *
     * @param name the package name
     * @return whether a pattern matches it
     */
    @Override
    public boolean test(String name) {
        for (Pattern pattern : compiled) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        for (char c : glob.strip().toCharArray()) {
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                    regex.append(']');
                } else if (c == '!' && regex.charAt(regex.length() - 1) == '[') {
                    regex.append('^');
                } else if (c == '\\' || c == '[' || c == '&' || c == '^' && regex.charAt(regex.length() - 1) != '[') {
                    regex.append('\\').append(c);
                } else {
                    regex.append(c);
                }
                continue;
            }
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[' -> {
                    inClass = true;
                    regex.append('[');
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (inClass) {
            throw new IllegalArgumentException("package pattern '" + glob + "' has an unclosed '['");
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return String.join(" ", patterns);
    }
}
