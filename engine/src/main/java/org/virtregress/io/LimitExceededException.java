package org.virtregress.io;

import java.io.IOException;

/**
 * An input went past a limit set for it: too many bytes in all, or too long a text node, tag or
 * comment. The message names the input, the limit and where it was exceeded.
 */
public class LimitExceededException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went past which limit, naming the input and the position
     */
    public LimitExceededException(String message) {
        super(message);
    }

    /**
     * Finds a limit exceeded anywhere in a chain of causes, including the nested exception of a
     * {@link javax.xml.stream.XMLStreamException}, which StAX parsers use instead of the cause.
     *
     * @param failure the failure
     * @return the limit exceeded, or null when the failure has another reason
     */
    public static LimitExceededException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof LimitExceededException limit) {
                return limit;
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null && t.getCause() != t) {
            return t.getCause();
        }
        return t instanceof javax.xml.stream.XMLStreamException x && x.getNestedException() != t
                ? x.getNestedException() : null;
    }
}
