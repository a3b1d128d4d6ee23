package org.virtregress.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripted history of the demo's upstream project, read from {@code upstream-history.txt}: a
 * list of commits, each a subject and the files it writes. In that file a line
 * {@code ### commit SUBJECT} starts a commit, {@code ### regression} marks the commit that plants
 * the regression, and {@code ### file PATH [executable]} starts a file whose content runs to the
 * next {@code ###} line. Immutable.
 *
 * @param steps the commits, oldest first
 */
record UpstreamHistory(List<Step> steps) {
    private static final String RESOURCE = "upstream-history.txt";
    private static final String DIRECTIVE = "### ";

    /**
     * One scripted commit.
     *
     * @param subject the commit subject
     * @param regression whether this commit plants the regression
     * @param files the files it writes (whole content), in order
     */
    record Step(String subject, boolean regression, List<FileContent> files) {
    }

    /**
     * A file as a commit writes it.
     *
     * @param path the path relative to the work tree
     * @param executable whether it gets execute permission
     * @param content the whole content
     */
    record FileContent(String path, boolean executable, String content) {
    }

    UpstreamHistory {
        steps = List.copyOf(steps);
    }

    /** Reads the history shipped with the command. */
    static UpstreamHistory load() throws IOException {
        try (InputStream in = UpstreamHistory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException(RESOURCE + " is missing from the virt-regress jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * Parses a history.
     *
     * @param text the text in the format described above
     * @return the history
     * @throws IllegalArgumentException if a line is out of place
     */
    static UpstreamHistory parse(String text) {
        List<Step> steps = new ArrayList<>();
        String subject = null;
        boolean regression = false;
        List<FileContent> files = new ArrayList<>();
        String path = null;
        boolean executable = false;
        StringBuilder content = new StringBuilder();
        int number = 0;
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            String line = lines[i];
            number++;
            if (!line.startsWith(DIRECTIVE)) {
                if (path == null) {
                    if (!line.isEmpty()) {
                        throw new IllegalArgumentException("upstream history line " + number + " is outside a file");
                    }
                } else {
                    content.append(line).append('\n');
                }
                continue;
            }
            if (path != null) {
                files.add(new FileContent(path, executable, content.toString()));
                path = null;
                content.setLength(0);
            }
            String directive = line.substring(DIRECTIVE.length());
            if (directive.startsWith("commit ")) {
                if (subject != null) {
                    steps.add(new Step(subject, regression, files));
                }
                subject = directive.substring("commit ".length()).strip();
                regression = false;
                files = new ArrayList<>();
            } else if (directive.equals("regression") && subject != null) {
                regression = true;
            } else if (directive.startsWith("file ") && subject != null) {
                String[] words = directive.substring("file ".length()).strip().split(" ");
                path = words[0];
                executable = words.length > 1 && words[1].equals("executable");
            } else {
                throw new IllegalArgumentException("upstream history line " + number + " is not understood: " + line);
            }
        }
        if (path != null) {
            files.add(new FileContent(path, executable, content.toString()));
        }
        if (subject != null) {
            steps.add(new Step(subject, regression, files));
        }
        return new UpstreamHistory(steps);
    }
}
