package org.virtregress.hunt;

import com.fasterxml.jackson.core.JacksonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;
import org.virtregress.storage.Json;

/**
 * The one state file of a hunt: what is hunted and how (a {@link HuntFingerprint} of its inputs and
 * search mode), the level it reached, the levels that switched to the flaky-aware search by
 * themselves, and every probe's verdict at every level. Written atomically after each probe, so a killed hunt
 * resumes by replaying it: every level runs again over the recorded verdicts and no probe repeats.
 * A probe is known by its key: level, candidate and occurrence. Thread-safe.
 */
public final class HuntState {
    /** The file format version. */
    public static final int FORMAT = 2;

    private final Path file;
    private final Map<String, Run> runs = new HashMap<>();
    private final List<Run> order = new ArrayList<>();
    private final HuntFingerprint fingerprint;
    private final List<String> switched = new ArrayList<>();
    private String level;

    /**
     * The file's JSON form.
     *
     * @param format the format version
     * @param fingerprint what is hunted
     * @param level the level the hunt reached
     * @param switched the levels that switched to the flaky-aware search by themselves, in order
     * @param runs every probe so far, in the order they finished
     */
    record Content(int format, HuntFingerprint fingerprint, String level, List<String> switched, List<Run> runs) {
    }

    /**
     * One probe's verdict.
     *
     * @param key level/candidate/occurrence
     * @param verdict the verdict
     * @param duration its wall time
     * @param logRef its log, or {@code null}
     * @param failureSignature its failure signature, or {@code null}
     * @param reason the probe's explanation
     */
    public record Run(String key, Verdict verdict, Duration duration, String logRef, String failureSignature,
                      String reason) {
        ProbeResult toResult() {
            return new ProbeResult(verdict, 1, duration, logRef, failureSignature, reason);
        }
    }

    private HuntState(Path file, HuntFingerprint fingerprint, String level, List<String> switched, List<Run> runs) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.level = level;
        this.switched.addAll(switched);
        for (Run run : runs) {
            this.runs.put(run.key(), run);
            this.order.add(run);
        }
    }

    /**
     * Opens the state of a hunt: reads the file when it exists, else starts an empty one.
     *
     * @param file the state file, or {@code null} to keep the state in memory only
     * @param fingerprint what is hunted and how; a file of another hunt, or of one searched another
     *     way, is refused
     * @return the state
     * @throws HuntStateMismatchException if the file belongs to a hunt with another fingerprint
     * @throws IOException if the file cannot be read or is not a hunt state of this format
     */
    public static HuntState open(Path file, HuntFingerprint fingerprint) throws IOException {
        if (file == null || !Files.exists(file)) {
            return new HuntState(file, fingerprint, null, List.of(), List.of());
        }
        Content content;
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Json.mapper().readTree(Files.readAllBytes(file));
            // the format first: an earlier format's fields need not parse as this one's
            content = tree == null || tree.path("format").asInt() != FORMAT ? null
                    : Json.mapper().treeToValue(tree, Content.class);
        } catch (JacksonException e) {
            throw new IOException("state file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (content == null || content.fingerprint() == null) {
            throw new IOException("state file " + file + " is not a hunt state of format " + FORMAT
                    + "; give another --state file, or delete it to start afresh");
        }
        List<String> differences = content.fingerprint().differences(fingerprint);
        if (!differences.isEmpty()) {
            throw new HuntStateMismatchException(file, differences);
        }
        return new HuntState(file, fingerprint, content.level(),
                content.switched() == null ? List.of() : content.switched(),
                content.runs() == null ? List.of() : content.runs());
    }

    /** Returns the recorded verdict of a probe, or {@code null} when it has not run. */
    public synchronized ProbeResult recorded(String key) {
        Run run = runs.get(key);
        return run == null ? null : run.toResult();
    }

    /**
     * Records a probe's verdict and writes the file.
     *
     * @param key the probe's key
     * @param result its verdict
     * @throws IOException if the file cannot be written (its previous content stays intact)
     */
    public synchronized void record(String key, ProbeResult result) throws IOException {
        Run run = new Run(key, result.verdict(), result.duration(), result.logRef(), result.failureSignature(),
                result.reason());
        runs.put(key, run);
        order.add(run);
        write();
    }

    /**
     * Records the level the hunt reached and writes the file.
     *
     * @param reached the level's name
     * @throws IOException if the file cannot be written
     */
    public synchronized void level(String reached) throws IOException {
        this.level = reached;
        write();
    }

    /**
     * Records that a level switched to the flaky-aware search by itself, once, and writes the file.
     *
     * @param levelName the level's name ({@code builds}, {@code commits})
     * @throws IOException if the file cannot be written
     */
    public synchronized void switched(String levelName) throws IOException {
        if (!switched.contains(levelName)) {
            switched.add(levelName);
            write();
        }
    }

    /** Returns the levels that switched to the flaky-aware search by themselves, in order. */
    public synchronized List<String> switched() {
        return List.copyOf(switched);
    }

    /** Returns the level recorded last, or {@code null} for a new hunt. */
    public synchronized String level() {
        return level;
    }

    /** Returns how many probes are recorded. */
    public synchronized int size() {
        return order.size();
    }

    /** Returns the state file, or {@code null}. */
    public Path file() {
        return file;
    }

    private void write() throws IOException {
        if (file != null) {
            Json.writeAtomically(file, new Content(FORMAT, fingerprint, level, List.copyOf(switched),
                    List.copyOf(order)));
        }
    }
}
