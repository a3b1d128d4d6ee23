package org.virtregress.bisect;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * @param fingerprint everything that decided the verdicts
 */
public record BisectState(int format, List<String> goods, String bad, int candidates, List<Run> runs,
                          BisectFingerprint fingerprint) {
    /** The current file format. */
    public static final int FORMAT = 2;

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
            if (state.format() < FORMAT && state.bad() != null) {
                throw new BisectStateMismatchException(file, "state file " + file + " was written by an earlier"
                        + " virt-regress (format " + state.format() + ") and does not record the test command and"
                        + " options its verdicts depend on, so none of them is reused", List.of());
            }
            if (state.format() > FORMAT) {
                throw new IOException("state file " + file + " was written by a newer virt-regress (format "
                        + state.format() + "; this one reads format " + FORMAT + ")");
            }
            if (state.format() != FORMAT || state.bad() == null || state.fingerprint() == null) {
                throw new IOException("state file " + file + " is not a bisection state of format " + FORMAT);
            }
            return state;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException("state file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a state file to resume a bisection, when the file exists and belongs to it.
     *
     * @param file the state file
     * @param expected the fingerprint of the bisection about to run ({@link Bisector#fingerprint})
     * @return the state, or empty when there is no such file (a fresh start)
     * @throws BisectStateMismatchException if the file belongs to another bisection or records no
     *     fingerprint; the message says what differs and how to start afresh
     * @throws IOException if it cannot be read or is not a bisection state
     */
    public static Optional<BisectState> resume(Path file, BisectFingerprint expected) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        BisectState state = read(file);
        List<String> differences = state.fingerprint().differences(expected);
        if (!differences.isEmpty()) {
            throw new BisectStateMismatchException(file, "state file " + file + " belongs to another bisection",
                    differences);
        }
        return Optional.of(state);
    }

    /**
     * Returns an empty state for a bisection.
     *
     * @param fingerprint its fingerprint
     * @return the state, with no run yet
     */
    public static BisectState start(BisectFingerprint fingerprint) {
        return new BisectState(FORMAT, fingerprint.goods(), fingerprint.bad(), fingerprint.candidates(), List.of(),
                fingerprint);
    }

    /** Returns a copy with one more run. */
    BisectState with(Run run) {
        List<Run> all = new ArrayList<>(runs);
        all.add(run);
        return new BisectState(format, goods, bad, candidates, all, fingerprint);
    }
}
