package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.virtregress.suite.SuiteResult;

/** Runs the failing suite against what one install root holds: a guest boot, a shell suite. */
@FunctionalInterface
public interface SuiteLauncher {
    /**
     * Runs the suite once.
     *
     * @param root the install root holding the candidate, or {@code null} for the running system
     * @param work a fresh directory of this probe's own, for logs and results
     * @return the suite's result
     * @throws IOException if the suite cannot be started
     * @throws InterruptedException if interrupted; the suite's processes are killed
     */
    SuiteResult run(Path root, Path work) throws IOException, InterruptedException;

    /**
     * Returns the settings that decide the suite's verdicts (command, results format, timeout,
     * reruns), by name, for the hunt's fingerprint: a hunt resumed with other settings is refused.
     *
     * @return the settings in a fixed order; empty when the launcher names none
     */
    default Map<String, String> settings() {
        return Map.of();
    }

    /**
     * Returns a launcher that names its settings.
     *
     * @param settings the settings that decide its verdicts, in a fixed order
     * @param launcher runs the suite
     * @return the launcher
     */
    static SuiteLauncher of(Map<String, String> settings, SuiteLauncher launcher) {
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        return new SuiteLauncher() {
            @Override
            public SuiteResult run(Path root, Path work) throws IOException, InterruptedException {
                return launcher.run(root, work);
            }

            @Override
            public Map<String, String> settings() {
                return copy;
            }
        };
    }
}
