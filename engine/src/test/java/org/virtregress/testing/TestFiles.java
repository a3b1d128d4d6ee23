package org.virtregress.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The test files every module shares, kept once under {@code src/test/resources/org/virtregress/testing/}:
 * {@value #PACKAGE_SPEC} (a tiny noarch rpm: defines {@code pkg}, {@code ver}, {@code rel},
 * {@code content}; optional {@code ep}, {@code failpost}, {@code hangpost}) and {@value #FLAKY_SUITE}
 * (a TAP suite with a passing, a flaky and a broken case).
 */
public final class TestFiles {
    /** The spec file of the test packages. */
    public static final String PACKAGE_SPEC = "package.spec";
    /** The TAP suite whose second case fails once, then passes, and whose third always fails. */
    public static final String FLAKY_SUITE = "flaky-suite.sh";

    private TestFiles() {
    }

    /**
     * Copies a shared test file into a directory.
     *
     * @param name the file, such as {@link #PACKAGE_SPEC}
     * @param directory where to copy it
     * @return the copy
     */
    public static Path copy(String name, Path directory) {
        Path target = directory.resolve(name);
        try (InputStream in = TestFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no shared test file " + name);
            }
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
