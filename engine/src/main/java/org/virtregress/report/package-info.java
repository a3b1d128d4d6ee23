/**
 * The regression report model (JSON), filled from what the stages return ({@code from} factories
 * such as {@link org.virtregress.report.NewBuildRow#from}, {@link org.virtregress.report.SuiteReport#from}
 * and {@link org.virtregress.report.CommitBisection#from}), and its HTML and text renderings.
 */
package org.virtregress.report;
