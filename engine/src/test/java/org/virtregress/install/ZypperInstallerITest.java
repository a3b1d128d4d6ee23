package org.virtregress.install;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.ProcessRunner;

class ZypperInstallerITest extends RpmInstallerContract {
    @TempDir
    static Path repositories;
    private static RepositoryServer server;

    @BeforeAll
    static void buildRepositories() throws Exception {
        Fixtures.rpmRepository(repositories.resolve("main"), TestPackage.main());
        Fixtures.rpmRepository(repositories.resolve("rebuild"), TestPackage.rebuild());
        Fixtures.rpmRepository(repositories.resolve("hang"), TestPackage.hanging());
        server = RepositoryServer.serve(repositories);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Override
    Installer installer() {
        return new ZypperInstaller(new ProcessRunner());
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
    String hangRepository() {
        return server.url("hang/repo");
    }
}
