package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.ProcessRunner;

class AptInstallerITest extends InstallerContract {
    @TempDir
    static Path repositories;
    private static RepositoryServer server;

    @BeforeAll
    static void buildRepositories() throws Exception {
        Fixtures.debRepository(repositories.resolve("main"), TestPackage.main());
        Fixtures.debRepository(repositories.resolve("rebuild"), TestPackage.rebuild());
        server = RepositoryServer.serve(repositories);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    Installer installer() {
        return new AptInstaller(new ProcessRunner());
    }

    @Override
    String mainRepository() {
        return server.url("main/repo");
    }

    @Override
    String rebuildRepository() {
        return server.url("rebuild/repo");
    }

    @Override
    String recorded(String evr) {
        return evr;
    }

    @Override
    Path root(Path directory) throws IOException {
        return Fixtures.rootWithShell(directory);
    }
}
