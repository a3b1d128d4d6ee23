package io.jenkins.plugins.virtregress.steps.hunt;

import hudson.AbortException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which nodes a hunt's probes may spread over: the label expression the step or action names, else
 * (freestyle) the label the job is restricted to, else none, and then every probe runs on the
 * build's node. Plain logic on the expression; the caller hands in Jenkins' parser
 * ({@code Label::parseExpression}, which throws {@link IllegalArgumentException} on a bad one).
 */
final class ProbeLabel {
    /**
     * What the label form field's check found.
     *
     * @param error whether the expression cannot be used at all (otherwise a warning)
     * @param message what to tell the user
     */
    record Problem(boolean error, String message) {
    }

    private ProbeLabel() {
    }

    /**
     * Returns the expression the probes spread over.
     *
     * @param given the step's or action's {@code label}, or null
     * @param job the label the job is restricted to (a freestyle job's assigned label), or null
     * @return the expression, or nothing when neither is set (or both are blank)
     */
    static Optional<String> expression(String given, String job) {
        if (given != null && !given.isBlank()) {
            return Optional.of(given.trim());
        }
        return job == null || job.isBlank() ? Optional.empty() : Optional.of(job.trim());
    }

    /**
     * Parses the expression the probes spread over.
     *
     * @param <L> the parsed label
     * @param expression the expression, or nothing
     * @param parser Jenkins' label parser
     * @return the label, or nothing when there is no expression
     * @throws AbortException when the expression does not parse, naming it
     */
    static <L> Optional<L> parse(Optional<String> expression, Function<String, L> parser) throws AbortException {
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(expression.get()));
        } catch (IllegalArgumentException e) {
            throw new AbortException("huntRegression: label '" + expression.get() + "' is not a label expression: "
                    + e.getMessage());
        }
    }

    /**
     * Checks the label form field.
     *
     * @param <L> the parsed label
     * @param value the expression as typed
     * @param parser Jenkins' label parser
     * @param hasNodes whether a node carries the label
     * @return the problem, or nothing when it is fine (an empty field is fine: the probes run on the build's node)
     */
    static <L> Optional<Problem> check(String value, Function<String, L> parser, Predicate<L> hasNodes) {
        Optional<String> expression = expression(value, null);
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        L label;
        try {
            label = parser.apply(expression.get());
        } catch (IllegalArgumentException e) {
            return Optional.of(new Problem(true, "Not a label expression: " + e.getMessage()));
        }
        return hasNodes.test(label) ? Optional.empty()
                : Optional.of(new Problem(false, "No node has the label " + expression.get()
                        + ": the probes run on the build's node until one does."));
    }
}
