package org.virtregress.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Loads the report fixtures of this package. */
final class ReportFixtures {
    /** The culprit of {@code complete-culprit.json} and {@code hostile.json}. */
    static final String CULPRIT = "41e6fc53b7dedef91f5efd9b3ffb8bdf529e3c1e";
    /** The hostile string several fields of {@code hostile.json} carry. */
    static final String HOSTILE = "<script>alert(1)</script> \"quoted\" & 'single' ]]> <img src=x onerror=alert(2)>";

    private ReportFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(ReportFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RegressionReport load(String name) {
        try {
            return ReportJson.read(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RegressionReport complete() {
        return load("complete-culprit.json");
    }

    static RegressionReport inconclusive() {
        return load("inconclusive-range.json");
    }

    static RegressionReport pollAndSuite() {
        return load("poll-and-suite.json");
    }

    static RegressionReport hostile() {
        return load("hostile.json");
    }
}
