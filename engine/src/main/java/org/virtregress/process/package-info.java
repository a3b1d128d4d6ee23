/**
 * Runs external commands: argument arrays only (never a shell string), timeouts that kill the
 * whole process tree, and output streamed line by line while a capped copy is kept.
 */
package org.virtregress.process;
