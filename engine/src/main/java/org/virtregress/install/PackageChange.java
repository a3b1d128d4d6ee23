package org.virtregress.install;

/**
 * What a rollback did to one package.
 *
 * @param name the package
 * @param from the version the failed transaction left, or {@code null} if it was absent
 * @param to the version now installed, or {@code null} if it is now absent
 */
public record PackageChange(String name, String from, String to) {
}
