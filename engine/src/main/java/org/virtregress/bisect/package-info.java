/**
 * Bisection: the commit graph over JGit, the good/bad/skip/weak state machine, confirmation, persisted state, and bisection over package builds. Handed its probe from outside.
 */
package org.virtregress.bisect;
