/**
 * Runs external commands: argument arrays only (never a shell string), each in a session of its
 * own marked by a run id, timeouts and interrupts that kill everything the command started, and
 * output streamed line by line while a capped copy is kept.
 */
package org.virtregress.process;
