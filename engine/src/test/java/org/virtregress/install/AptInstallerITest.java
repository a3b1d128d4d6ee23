package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.virtregress.process.ProcessRunner;

class AptInstallerITest extends InstallerContract {
    @Override
    Installer installer() {
        return new AptInstaller(new ProcessRunner());
    }

    @Override
    void buildRepository(Path directory, List<TestPackage> packages) throws Exception {
        Fixtures.debRepository(directory, packages);
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
