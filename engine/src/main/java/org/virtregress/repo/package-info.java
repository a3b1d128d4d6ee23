/**
 * Package repository readers (rpm-md and Debian), checksum verification, conditional polling, poll state and the archive of every build seen.
 */
package org.virtregress.repo;
