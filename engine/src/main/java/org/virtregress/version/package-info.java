/**
 * Version ordering of rpm (rpmvercmp, epoch, tilde, caret) and Debian (dpkg) packages. No I/O.
 */
package org.virtregress.version;
