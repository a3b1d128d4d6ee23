/**
 * Package installers (zypper, dnf, apt): exact versions, verification from the package database, rollback, install roots and the host lock.
 */
package org.virtregress.install;
