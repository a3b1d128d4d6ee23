package io.jenkins.plugins.virtregress.config;

import hudson.util.ListBoxModel;
import java.util.List;

/** The package managers the install step drives, as offered in the forms. */
public final class PackageManagers {
    /** zypper (openSUSE, SUSE Linux Enterprise). */
    public static final String ZYPPER = "zypper";
    /** dnf (Fedora, RHEL, CentOS Stream). */
    public static final String DNF = "dnf";
    /** apt (Debian, Ubuntu). */
    public static final String APT = "apt";
    /** Every supported name, in the order the forms show them. */
    public static final List<String> ALL = List.of(ZYPPER, DNF, APT);

    private PackageManagers() {
    }

    /**
     * Lists the package managers for a drop-down.
     *
     * @return the choices
     */
    public static ListBoxModel choices() {
        ListBoxModel model = new ListBoxModel();
        for (String name : ALL) {
            model.add(name);
        }
        return model;
    }
}
