package org.virtregress.suite;

import java.util.Locale;

/** The results formats a suite may write. */
public enum ResultFormat {
    /** Test Anything Protocol, versions 12, 13 and 14. */
    TAP,
    /** JUnit / xunit XML as written by Maven Surefire, pytest and avocado. */
    JUNIT,
    /** Avocado's {@code results.json}. */
    AVOCADO;

    /** Returns a parser of this format with the default size cap. */
    public ResultParser parser() {
        return parser(ResultParser.DEFAULT_SIZE_CAP);
    }

    /**
     * Returns a parser of this format.
     *
     * @param sizeCap the largest input accepted, in bytes
     * @return the parser
     */
    public ResultParser parser(long sizeCap) {
        return switch (this) {
            case TAP -> new TapParser(sizeCap);
            case JUNIT -> new JUnitXmlParser(sizeCap);
            case AVOCADO -> new AvocadoJsonParser(sizeCap);
        };
    }

    /**
     * Reads a format from its name as users write it: {@code tap}, {@code junit} (or {@code xunit}),
     * {@code avocado} (or {@code json}).
     *
     * @param name the name
     * @return the format
     * @throws IllegalArgumentException if the name is unknown
     */
    public static ResultFormat fromName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tap" -> TAP;
            case "junit", "xunit", "xml" -> JUNIT;
            case "avocado", "json", "results.json" -> AVOCADO;
            default -> throw new IllegalArgumentException(
                    "unknown results format '" + name + "': expected tap, junit or avocado");
        };
    }
}
