/**
 * Files the engine keeps: atomic writes that never lose the previous content, lock files that
 * name their holder, and the one JSON mapper every package shares.
 */
package org.virtregress.storage;
