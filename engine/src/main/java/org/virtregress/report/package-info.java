/**
 * The regression report model (JSON) and its HTML and text renderings.
 */
package org.virtregress.report;
