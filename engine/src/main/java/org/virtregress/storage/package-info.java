/**
 * Files the engine keeps: atomic writes that never lose the previous content, and the one JSON
 * mapper every package shares.
 */
package org.virtregress.storage;
