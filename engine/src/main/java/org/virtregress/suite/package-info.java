/**
 * Guest test suites: running them, reading TAP, JUnit/xunit and avocado results into one model, telling flaky from broken, failure signatures.
 */
package org.virtregress.suite;
