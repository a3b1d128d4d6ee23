package org.virtregress.install;

import org.virtregress.process.ProcessRunner;

class DnfInstallerITest extends RpmInstallerContract {
    @Override
    Installer installer() {
        return new DnfInstaller(new ProcessRunner());
    }
}
