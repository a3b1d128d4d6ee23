/**
 * Where packages come from, shared by polling and installing and below both: the one rule for a
 * repository URL, and the credentials a repository asks for. Knows no other package of the engine.
 */
package org.virtregress.net;
