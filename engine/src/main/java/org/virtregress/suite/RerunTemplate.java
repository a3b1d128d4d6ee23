package org.virtregress.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs one case of a suite again: an argument array where {@code {case}} is
 * replaced by the case id and {@code {name}} by its name (an avocado test reference, a TAP
 * description). The command writes its results the way the suite does.
 *
 * @param argv the argument array with placeholders
 */
public record RerunTemplate(List<String> argv) {
    /** The placeholder of the case id. */
    public static final String CASE = "{case}";
    /** The placeholder of the case name. */
    public static final String NAME = "{name}";

    /** Checks that the template names the case. */
    public RerunTemplate {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("rerun command is empty");
        }
        if (argv.stream().noneMatch(a -> a.contains(CASE) || a.contains(NAME))) {
            throw new IllegalArgumentException("rerun command " + argv + " has no " + CASE + " or " + NAME
                    + " placeholder: it would run the whole suite, not the failed case");
        }
    }

    /**
     * Creates a template from an argument array.
     *
     * @param argv the program and its arguments, with placeholders
     * @return the template
     */
    public static RerunTemplate of(String... argv) {
        return new RerunTemplate(List.of(argv));
    }

    /**
     * Creates the template of an avocado job: the given command followed by the test reference.
     *
     * @param avocadoRun the command, such as {@code avocado run --job-results-dir DIR}
     * @return the template
     */
    public static RerunTemplate avocado(List<String> avocadoRun) {
        List<String> argv = new ArrayList<>(avocadoRun);
        argv.add(NAME);
        return new RerunTemplate(argv);
    }

    /**
     * Returns the command that reruns one case.
     *
     * @param failed the case
     * @return the argument array
     */
    public List<String> commandFor(CaseResult failed) {
        return argv.stream().map(a -> a.replace(CASE, failed.id()).replace(NAME, failed.name())).toList();
    }
}
