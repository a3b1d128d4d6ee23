/**
 * Reading untrusted input safely, for every package of the engine: the one hardened StAX
 * factory ({@link org.virtregress.io.SafeXml}) and the one size-capped stream
 * ({@link org.virtregress.io.CappedInputStream}). Knows no domain concept.
 */
package org.virtregress.io;
