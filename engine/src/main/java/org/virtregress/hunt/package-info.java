/**
 * The regression hunt: from a failing suite and the archive of polled builds to the culprit
 * package, build and upstream commit, with confirmation at every level, parallel probes on
 * several install roots and one resumable state file for the whole hunt.
 */
package org.virtregress.hunt;
