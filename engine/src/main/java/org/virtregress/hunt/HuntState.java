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
 * The one state file of a hunt: what is hunted (a fingerprint of its inputs), the level it reached
 * and every probe's verdict at every level. Written atomically after each probe, so a killed hunt
 * resumes by replaying it: every level runs again over the recorded verdicts and no probe repeats.
 * A probe is known by its key: level, candidate and occurrence. Thread-safe.
 */
public final class HuntState {
    /** The file format version. */
    public static final int FORMAT = 1;

    private final Path file;
    private final Map<String, Run> runs = new HashMap<>();
    private final List<Run> order = new ArrayList<>();
    private final String fingerprint;
    private String level;

    /**
     * The file's JSON form.
     *
     * @param format the format version
     * @param fingerprint what is hunted
     * @param level the level the hunt reached
     * @param runs every probe so far, in the order they finished
     */
    record Content(int format, String fingerprint, String level, List<Run> runs) {
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

    private HuntState(Path file, String fingerprint, String level, List<Run> runs) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.level = level;
        for (Run run : runs) {
            this.runs.put(run.key(), run);
            this.order.add(run);
        }
    }

    /**
     * Opens the state of a hunt: reads the file when it exists, else starts an empty one.
     *
     * @param file the state file, or {@code null} to keep the state in memory only
     * @param fingerprint what is hunted; a file of another hunt is refused
     * @return the state
     * @throws IOException if the file cannot be read, is not a hunt state, or belongs to another hunt
     */
    public static HuntState open(Path file, String fingerprint) throws IOException {
        if (file == null || !Files.exists(file)) {
            return new HuntState(file, fingerprint, null, List.of());
        }
        Content content;
        try {
            content = Json.mapper().readValue(Files.readAllBytes(file), Content.class);
        } catch (JacksonException e) {
            throw new IOException("state file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (content == null || content.format() != FORMAT) {
            throw new IOException("state file " + file + " is not a hunt state of format " + FORMAT);
        }
        if (!fingerprint.equals(content.fingerprint())) {
            throw new IOException("state file " + file + " belongs to another hunt (" + content.fingerprint()
                    + "); give a new --state file or delete it to start over");
        }
        return new HuntState(file, fingerprint, content.level(), content.runs() == null ? List.of() : content.runs());
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
            Json.writeAtomically(file, new Content(FORMAT, fingerprint, level, List.copyOf(order)));
        }
    }
}
