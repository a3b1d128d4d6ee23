package org.virtregress.suite;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TAP (versions 12, 13 and 14) one line at a time, so that a suite's output is parsed as it
 * is printed and never has to be held in memory. Understands the plan (first or last), {@code ok}
 * and {@code not ok} lines, {@code # SKIP} and {@code # TODO} directives, YAML diagnostics blocks,
 * comment diagnostics, {@code Bail out!}, and tolerates indented subtests (their summary line
 * counts). Lines that are not TAP are ignored, which lets TAP be read out of a noisy console.
 *
 * <p>With markers, only the lines between a line containing the begin marker and a line
 * containing the end marker are read; a missing marker is an error.
 *
 * <p>Not thread-safe: feed it from one thread at a time.
 */
public final class TapStream {
    /** Characters of diagnostics kept per case. */
    public static final int EXCERPT_CAP = 4096;
    private static final int LINE_CAP = 64 * 1024;

    private static final Pattern PLAN = Pattern.compile("^1\\.\\.(\\d+)\\s*(?:#\\s*(.*))?$");
    private static final Pattern TEST = Pattern.compile(
            "^(not )?ok\\b\\s*(\\d+)?\\s*(?:-\\s*)?(.*)$");
    private static final Pattern DIRECTIVE = Pattern.compile("(?<!\\\\)#\\s*(SKIP|TODO)\\S*\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BAIL_OUT = Pattern.compile("^Bail out!\\s*(.*)$");
    private static final Pattern YAML_START = Pattern.compile("^\\s+---\\s*$");
    private static final Pattern YAML_END = Pattern.compile("^\\s+\\.\\.\\.\\s*$");
    private static final Pattern YAML_MESSAGE = Pattern.compile("^\\s+message:\\s*(.*)$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]|\u001B[()][0-9A-Za-z]|\u001Bc");

    private final String source;
    private final String beginMarker;
    private final String endMarker;
    private final List<Pending> tests = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<String, Integer> idCounts = new HashMap<>();
    private final BitSet seen = new BitSet();
    private long lineNumber;
    private int plan = -1;
    private String skipAllReason;
    private boolean begun;
    private boolean ended;
    private boolean bailedOut;
    private boolean inYaml;
    private int lastNumber;

    /**
     * Creates a reader of plain TAP.
     *
     * @param source the name of the input used in error messages
     */
    public TapStream(String source) {
        this(source, null, null);
    }

    /**
     * Creates a reader of TAP enclosed in marker lines inside other output.
     *
     * @param source the name of the input used in error messages
     * @param beginMarker text of the line after which TAP starts, or {@code null} for none
     * @param endMarker text of the line at which TAP ends, or {@code null} for none
     */
    public TapStream(String source, String beginMarker, String endMarker) {
        this.source = source;
        this.beginMarker = beginMarker;
        this.endMarker = endMarker;
        this.begun = beginMarker == null;
    }

    /**
     * Reads one line (without its terminator; a trailing carriage return is dropped).
     *
     * @param rawLine the line
     */
    public void accept(String rawLine) {
        lineNumber++;
        if (ended || bailedOut) {
            return;
        }
        String line = clean(rawLine);
        if (!begun) {
            begun = line.contains(beginMarker);
            return;
        }
        if (endMarker != null && line.contains(endMarker)) {
            ended = true;
            return;
        }
        if (inYaml) {
            readYaml(line);
            return;
        }
        if (YAML_START.matcher(line).matches() && !tests.isEmpty() && tests.get(tests.size() - 1).lastLine == lineNumber - 1) {
            inYaml = true;
            return;
        }
        if (line.startsWith(" ") || line.startsWith("\t")) {
            return; // subtest lines: the parent's summary line counts
        }
        Matcher m;
        if ((m = TEST.matcher(line)).matches()) {
            readTest(m);
        } else if ((m = PLAN.matcher(line)).matches()) {
            readPlan(m);
        } else if ((m = BAIL_OUT.matcher(line)).matches()) {
            bailedOut = true;
            errors.add(source + ":" + lineNumber + ": bail out: " + m.group(1).strip());
        } else if (line.startsWith("#") && !tests.isEmpty()) {
            tests.get(tests.size() - 1).excerpt(line);
        }
    }

    /**
     * Ends the input: checks markers and the plan, and returns what was read. Missing planned tests
     * are added as ERROR cases.
     *
     * @return the cases and problems
     */
    public ParsedCases finish() {
        List<String> problems = new ArrayList<>(errors);
        String where = source + ":" + lineNumber;
        if (!begun) {
            problems.add(where + ": no line containing the start marker '" + beginMarker + "'");
        } else if (endMarker != null && !ended && !bailedOut) {
            problems.add(where + ": output ended before the end marker '" + endMarker + "'");
        }
        if (inYaml) {
            problems.add(where + ": YAML diagnostics block not closed");
        }
        List<CaseResult> cases = new ArrayList<>();
        for (Pending p : tests) {
            cases.add(p.toCase());
        }
        if (plan < 0 && begun && !bailedOut) {
            problems.add(where + ": no TAP plan (1..N): the output may be truncated");
        } else if (plan >= 0) {
            if (plan == 0 && tests.isEmpty()) {
                cases.add(CaseResult.of("all", "all tests", CaseStatus.SKIP, null,
                        skipAllReason == null ? "plan 1..0" : skipAllReason, null));
            }
            int missing = 0;
            for (int n = 1; n <= plan; n++) {
                if (!seen.get(n)) {
                    missing++;
                    cases.add(CaseResult.of("test " + n, null, CaseStatus.ERROR, null,
                            "test " + n + " of " + plan + " did not report a result", null));
                }
            }
            if (missing > 0) {
                problems.add(where + ": planned " + plan + " tests but " + missing + " did not report a result");
            }
            if (seen.length() - 1 > plan) {
                problems.add(where + ": planned " + plan + " tests but test " + (seen.length() - 1) + " ran");
            }
        }
        return new ParsedCases(cases, problems);
    }

    private void readPlan(Matcher m) {
        if (plan >= 0) {
            errors.add(source + ":" + lineNumber + ": a second plan");
            return;
        }
        try {
            plan = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            errors.add(source + ":" + lineNumber + ": plan too large: " + m.group(1));
            plan = 0;
        }
        if (plan == 0 && m.group(2) != null) {
            skipAllReason = m.group(2).strip();
        }
    }

    private void readTest(Matcher m) {
        boolean ok = m.group(1) == null;
        int number;
        try {
            number = m.group(2) == null ? lastNumber + 1 : Integer.parseInt(m.group(2));
        } catch (NumberFormatException e) {
            number = lastNumber + 1;
        }
        lastNumber = number;
        String rest = m.group(3);
        String directive = null;
        String directiveReason = null;
        Matcher d = DIRECTIVE.matcher(rest);
        if (d.find()) {
            directive = d.group(1).toUpperCase(Locale.ROOT);
            directiveReason = d.group(2).strip();
            rest = rest.substring(0, d.start());
        }
        String description = rest.strip().replace("\\#", "#");
        CaseStatus status;
        String reason = null;
        if ("SKIP".equals(directive)) {
            status = CaseStatus.SKIP;
            reason = directiveReason.isEmpty() ? "skipped" : directiveReason;
        } else if ("TODO".equals(directive)) {
            status = ok ? CaseStatus.PASS : CaseStatus.SKIP;
            reason = "TODO" + (directiveReason.isEmpty() ? "" : ": " + directiveReason);
        } else {
            status = ok ? CaseStatus.PASS : CaseStatus.FAIL;
        }
        if (number > 0 && number < 10_000_000) {
            if (seen.get(number)) {
                errors.add(source + ":" + lineNumber + ": test number " + number + " reported twice");
            }
            seen.set(number);
        }
        String base = description.isEmpty() ? "test " + number : description;
        int count = idCounts.merge(base, 1, Integer::sum);
        String id = count == 1 ? base : base + " #" + number;
        tests.add(new Pending(id, number + (description.isEmpty() ? "" : " - " + description), status, reason,
                lineNumber));
    }

    private void readYaml(String line) {
        Pending last = tests.get(tests.size() - 1);
        if (YAML_END.matcher(line).matches()) {
            inYaml = false;
            return;
        }
        Matcher m = YAML_MESSAGE.matcher(line);
        if (m.matches() && last.yamlMessage == null) {
            last.yamlMessage = unquote(m.group(1).strip());
        }
        last.excerpt(line);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static String clean(String rawLine) {
        String line = rawLine.length() > LINE_CAP ? rawLine.substring(0, LINE_CAP) : rawLine;
        if (line.indexOf('\u001B') >= 0) {
            line = ANSI.matcher(line).replaceAll("");
        }
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** A test line read, with the diagnostics that follow it. */
    private static final class Pending {
        private final String id;
        private final String name;
        private final CaseStatus status;
        private final String directiveReason;
        private final long lastLine;
        private final StringBuilder excerpt = new StringBuilder();
        private String yamlMessage;
        private String firstComment;

        Pending(String id, String name, CaseStatus status, String directiveReason, long lastLine) {
            this.id = id;
            this.name = name;
            this.status = status;
            this.directiveReason = directiveReason;
            this.lastLine = lastLine;
        }

        void excerpt(String line) {
            if (firstComment == null && line.startsWith("#")) {
                String text = line.substring(1).strip();
                if (!text.isEmpty()) {
                    firstComment = text;
                }
            }
            if (excerpt.length() < EXCERPT_CAP) {
                excerpt.append(line, 0, Math.min(line.length(), EXCERPT_CAP - excerpt.length())).append('\n');
            }
        }

        CaseResult toCase() {
            String reason = directiveReason;
            if (status.failing()) {
                reason = yamlMessage != null ? yamlMessage : firstComment != null ? firstComment : "not ok " + name;
            }
            return CaseResult.of(id, name, status, null, reason, excerpt.length() == 0 ? null : excerpt.toString());
        }
    }
}
