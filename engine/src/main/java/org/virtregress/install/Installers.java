package org.virtregress.install;

import java.util.List;
import java.util.Locale;
import org.virtregress.process.ProcessRunner;

/** Creates the installer of a package manager by its name. */
public final class Installers {
    /** The package managers there is an installer for. */
    public static final List<String> MANAGERS = List.of("dnf", "zypper", "apt");

    private Installers() {
    }

    /**
     * Returns the installer of a package manager.
     *
     * @param manager {@code dnf}, {@code zypper} or {@code apt} (case-insensitive)
     * @param runner runs the commands
     * @return the installer
     * @throws IllegalArgumentException if the name is none of those
     */
    public static Installer forManager(String manager, ProcessRunner runner) {
        String name = manager == null ? "" : manager.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "dnf" -> new DnfInstaller(runner);
            case "zypper" -> new ZypperInstaller(runner);
            case "apt" -> new AptInstaller(runner);
            default -> throw new IllegalArgumentException("unknown package manager '" + manager
                    + "': expected one of " + String.join(", ", MANAGERS));
        };
    }
}
