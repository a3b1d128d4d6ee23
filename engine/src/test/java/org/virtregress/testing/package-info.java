/**
 * Test helpers shared by the engine's, the CLI's and the plugin's tests, published once in the
 * engine's test jar: a repository server on 127.0.0.1 and the shared test files.
 */
package org.virtregress.testing;
