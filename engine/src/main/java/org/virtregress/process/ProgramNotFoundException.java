package org.virtregress.process;

import java.io.IOException;

/** Thrown when a command's program is missing or cannot be executed. */
public class ProgramNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String program;

    /**
     * Creates the exception.
     *
     * @param program the program that could not be started
     * @param cause what the operating system said
     */
    public ProgramNotFoundException(String program, IOException cause) {
        super("cannot run '" + program + "': " + cause.getMessage(), cause);
        this.program = program;
    }

    /** Returns the program that could not be started. */
    public String program() {
        return program;
    }
}
