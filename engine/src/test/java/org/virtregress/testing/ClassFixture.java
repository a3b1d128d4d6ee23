package org.virtregress.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * An immutable fixture built once per test class and handed to each test that asks for it as a
 * parameter, in place of static fields filled in {@code @BeforeAll}. Register it as
 * {@code @RegisterExtension static final ClassFixture<Packages> PACKAGES = ClassFixture.of(Packages.class,
 * Packages::build);} where {@code Packages} is a record; the factory builds it in a directory of its
 * own, deleted when the class's tests are done. A fixture that is {@link AutoCloseable} (one that
 * holds processes, such as gpg agents) is closed then, before its directory is deleted.
 *
 * @param <T> the fixture, best a record of immutable values
 */
public final class ClassFixture<T> implements ParameterResolver {
    private final Class<T> type;
    private final Factory<T> factory;

    private ClassFixture(Class<T> type, Factory<T> factory) {
        this.type = type;
        this.factory = factory;
    }

    /**
     * Creates the resolver of a fixture.
     *
     * @param type the fixture's type, which test parameters name
     * @param factory builds the fixture in a fresh directory
     * @param <T> the fixture
     * @return the resolver
     */
    public static <T> ClassFixture<T> of(Class<T> type, Factory<T> factory) {
        return new ClassFixture<>(type, factory);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType().equals(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext.Store store = classContext.getStore(ExtensionContext.Namespace.create(ClassFixture.class, type));
        return store.getOrComputeIfAbsent(type, key -> build(), Built.class).value();
    }

    private Built build() {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("virt-regress-fixture-");
            return new Built(directory, factory.create(directory));
        } catch (Exception e) {
            if (directory != null) {
                delete(directory);
            }
            throw new IllegalStateException("cannot build the fixture " + type.getSimpleName() + ": " + e, e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a fixture in a directory it owns. */
    @FunctionalInterface
    public interface Factory<T> {
        /**
         * Builds the fixture.
         *
         * @param directory an empty directory, deleted after the class's tests
         * @return the fixture
         * @throws Exception if it cannot be built
         */
        T create(Path directory) throws Exception;
    }

    private record Built(Path directory, Object value) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            try {
                if (value instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            } finally {
                delete(directory);
            }
        }
    }
}
