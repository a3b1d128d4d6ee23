package org.virtregress.bisect;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.virtregress.storage.Json;

/**
 * The persisted journal of a bisection: which range, and every test run with its verdict. Written
 * atomically after every run, so a killed bisection resumes by replaying it without running any
 * test again. A run is known by its key: phase, candidate, occurrence and attempt.
 *
 * @param format the file format version
 * @param goods the good ends
 * @param bad the bad end
 * @param candidates the number of candidates
 * @param runs every test run so far, in the order they finished
 */
public record BisectState(int format, List<String> goods, String bad, int candidates, List<Run> runs) {
    /** The current file format. */
    public static final int FORMAT = 1;

    /** Copies the lists. */
    public BisectState {
        goods = List.copyOf(goods);
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /**
     * One test run.
     *
     * @param key phase/candidate/occurrence/attempt
     * @param verdict the verdict of this run
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

    /**
     * Reads a state file.
     *
     * @param file the file
     * @return the state
     * @throws IOException if it cannot be read or is not a bisection state
     */
    public static BisectState read(Path file) throws IOException {
        try {
            BisectState state = Json.mapper().readValue(Files.readAllBytes(file), new TypeReference<BisectState>() { });
            if (state.format() != FORMAT || state.bad() == null) {
                throw new IOException("state file " + file + " is not a bisection state of format " + FORMAT);
            }
            return state;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("state file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Returns whether this state belongs to the same range. */
    boolean matches(BisectRange range) {
        return bad.equals(range.bad()) && goods.equals(range.goods()) && candidates == range.size();
    }

    /** Returns a copy with one more run. */
    BisectState with(Run run) {
        List<Run> all = new ArrayList<>(runs);
        all.add(run);
        return new BisectState(format, goods, bad, candidates, all);
    }
}
