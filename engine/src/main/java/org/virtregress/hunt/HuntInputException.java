package org.virtregress.hunt;

/** An input of the hunt is wrong; the message names it. */
final class HuntInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final HuntResult.Ending ending;

    HuntInputException(HuntResult.Ending ending, String message) {
        super(message);
        this.ending = ending;
    }

    HuntResult.Ending ending() {
        return ending;
    }
}
