/**
 * Guest test suites: running them, reading TAP, JUnit/xunit and avocado results into one model,
 * telling flaky from broken, failure signatures.
 *
 * <p>A {@link org.virtregress.suite.SuiteDefinition} describes a suite as a command with a timeout
 * and a {@link org.virtregress.suite.ResultsSource}; a {@link org.virtregress.suite.SuiteRunner}
 * runs it, reads the results with the {@link org.virtregress.suite.ResultParser} of its
 * {@link org.virtregress.suite.ResultFormat}, reruns failed cases with a
 * {@link org.virtregress.suite.RerunTemplate}, and returns a
 * {@link org.virtregress.suite.SuiteResult} of {@link org.virtregress.suite.CaseResult}s, each
 * failure with its {@link org.virtregress.suite.FailureSignature}. A
 * {@link org.virtregress.suite.GuestBootTest} is the suite of a real guest: a kernel and a busybox
 * initramfs running checks under qemu TCG.
 */
package org.virtregress.suite;
