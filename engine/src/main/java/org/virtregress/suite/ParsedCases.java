package org.virtregress.suite;

import java.util.List;

/**
 * What a result parser read: the cases, and the problems that make the results incomplete
 * (each naming the input and the position). Cases read before a problem are kept.
 *
 * @param cases the cases read
 * @param errors problems found; empty when the input was complete and well formed
 */
public record ParsedCases(List<CaseResult> cases, List<String> errors) {
    /** Copies the lists so that the record stays immutable. */
    public ParsedCases {
        cases = List.copyOf(cases);
        errors = List.copyOf(errors);
    }

    /** Returns whether the input was read completely and without problems. */
    public boolean complete() {
        return errors.isEmpty();
    }
}
