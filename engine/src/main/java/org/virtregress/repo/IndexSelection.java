package org.virtregress.repo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which parts of a repository a poll reads: its architectures and, for a Debian suite, its
 * components. Empty lists mean the defaults: the host's native architecture plus {@code all}
 * (Debian) or {@code noarch} (rpm-md), and every component the suite's Release lists. The
 * architecture {@value #ANY} selects every architecture. Immutable.
 *
 * @param architectures the architectures as the user names them, empty for the default
 * @param components the Debian components, empty for every one the Release lists
 */
public record IndexSelection(List<String> architectures, List<String> components) {
    /** The architecture that selects every architecture. */
    public static final String ANY = "any";

    /** The default selection: the native architecture, every component. */
    public static final IndexSelection DEFAULT = new IndexSelection(List.of(), List.of());

    /** Checks the names and drops duplicates and blanks. */
    public IndexSelection {
        architectures = clean(architectures, "architecture");
        components = clean(components, "component");
        if (architectures.contains(ANY) && architectures.size() > 1) {
            throw new IllegalArgumentException("architecture '" + ANY + "' selects every architecture and cannot be"
                    + " combined with others: " + String.join(", ", architectures));
        }
    }

    /**
     * Creates a selection from lists whose entries may each hold several names separated by commas
     * or blanks, as the command line and forms give them.
     *
     * @param architectures architecture names, empty for the default
     * @param components component names, empty for the default
     * @return the selection
     * @throws IllegalArgumentException if a name holds characters an architecture or component cannot
     */
    public static IndexSelection parse(List<String> architectures, List<String> components) {
        return new IndexSelection(split(architectures), split(components));
    }

    /** Tells whether every architecture is selected. */
    public boolean anyArchitecture() {
        return architectures.contains(ANY);
    }

    /**
     * Returns the architectures to read of a repository of a format: the chosen ones, or the
     * default when none was chosen.
     *
     * @param format the repository's package format
     * @return the architecture names; empty when every architecture is selected
     */
    public Set<String> effectiveArchitectures(PackageFormat format) {
        if (anyArchitecture()) {
            return Set.of();
        }
        if (!architectures.isEmpty()) {
            return new LinkedHashSet<>(architectures);
        }
        return new LinkedHashSet<>(format == PackageFormat.RPM
                ? List.of(nativeRpmArchitecture(), "noarch")
                : List.of(nativeDebianArchitecture(), "all"));
    }

    /** Tells whether the architectures are the default ones rather than chosen. */
    public boolean defaultArchitectures() {
        return architectures.isEmpty();
    }

    /** Returns the host's architecture as Debian names it ({@code amd64}, {@code arm64}, ...). */
    public static String nativeDebianArchitecture() {
        return switch (hostArchitecture()) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "i386";
            case "arm", "armv7l" -> "armhf";
            case "ppc64le" -> "ppc64el";
            case "loongarch64" -> "loong64";
            default -> hostArchitecture();
        };
    }

    /** Returns the host's architecture as rpm names it ({@code x86_64}, {@code aarch64}, ...). */
    public static String nativeRpmArchitecture() {
        return switch (hostArchitecture()) {
            case "amd64", "x86_64" -> "x86_64";
            case "arm64", "aarch64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            case "arm" -> "armv7hl";
            default -> hostArchitecture();
        };
    }

    private static String hostArchitecture() {
        return System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    }

    private static List<String> split(List<String> values) {
        List<String> names = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null) {
                    for (String name : value.split("[,\\s]+")) {
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        }
        return names;
    }

    private static List<String> clean(List<String> names, String what) {
        Set<String> unique = new LinkedHashSet<>();
        if (names != null) {
            for (String name : names) {
                String stripped = name == null ? "" : name.strip();
                if (stripped.isEmpty()) {
                    continue;
                }
                if (!stripped.matches("[A-Za-z0-9][A-Za-z0-9._+-]*(/[A-Za-z0-9][A-Za-z0-9._+-]*)*")
                        || stripped.contains("..") || what.equals("architecture") && stripped.contains("/")) {
                    throw new IllegalArgumentException(what + " '" + stripped + "' is not a valid " + what + " name");
                }
                unique.add(stripped);
            }
        }
        return List.copyOf(unique);
    }

    @Override
    public String toString() {
        return "architectures " + (architectures.isEmpty() ? "(default)" : String.join(",", architectures))
                + ", components " + (components.isEmpty() ? "(all)" : String.join(",", components));
    }
}
