package org.virtregress.install;

import org.virtregress.process.OutputListener;

/**
 * Installs exact package versions with one package manager, checks the result in the package
 * database, and rolls back to the versions held before when the transaction or the check fails.
 * Installs on the same root wait for each other ({@link HostLock}). Implementations are thread-safe.
 */
public interface Installer {
    /** Returns the package manager's name: {@code dnf}, {@code zypper} or {@code apt}. */
    String manager();

    /**
     * Runs one install transaction.
     *
     * @param request what to install and remove, from where, into which root
     * @param log receives every output line of the commands and the installer's own notes
     * @return the record; {@code success} is true only when the package database holds exactly
     *     what was asked, otherwise the root was rolled back (see {@code rolledBack} and {@code restored})
     * @throws InstallException if the install cannot start: the package manager is missing, the lock
     *     was not granted in time, or the database cannot be read; the root is then unchanged
     * @throws InterruptedException if interrupted; the running command's process tree is killed first
     */
    InstallResult install(InstallRequest request, OutputListener log) throws InstallException, InterruptedException;
}
