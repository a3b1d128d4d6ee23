package org.virtregress.install;

import org.virtregress.process.ProcessRunner;

class ZypperInstallerITest extends RpmInstallerContract {
    @Override
    Installer installer() {
        return new ZypperInstaller(new ProcessRunner());
    }
}
