package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters a real createrepo_c repository that mixes x86_64, i586 and noarch builds, as openSUSE's do. */
class RpmMdArchitectureITest {
    @Test
    void shouldKeepTheChosenArchitecturesOfAMixedRepository(@TempDir Path dir) throws Exception {
        Path repo = RpmFixtures.repository(dir.resolve("repo"), new Path[] {
            RpmFixtures.rpm(dir, "qemu-kvm", null, "9.1.0", "1", "x86_64 build", null, "x86_64"),
            RpmFixtures.rpm(dir, "qemu-kvm", null, "9.1.0", "1", "i586 build", null, "i586"),
            RpmFixtures.rpm(dir, "qemu-doc", null, "9.1.0", "1", "noarch build", null, "noarch")});
        Repository repository = Repository.parse(repo.toString());

        List<Build> chosen = read(repository.withSelection(IndexSelection.parse(List.of("x86_64,noarch"), List.of())));
        List<Build> any = read(repository.withSelection(IndexSelection.parse(List.of("any"), List.of())));
        List<Build> i586 = read(repository.withSelection(IndexSelection.parse(List.of("i586"), List.of())));

        assertThat(chosen).extracting(Build::key).containsExactlyInAnyOrder("qemu-kvm.x86_64", "qemu-doc.noarch");
        assertThat(any).extracting(Build::key)
                .containsExactlyInAnyOrder("qemu-kvm.x86_64", "qemu-kvm.i586", "qemu-doc.noarch");
        assertThat(i586).extracting(Build::key).containsExactly("qemu-kvm.i586");
        if (IndexSelection.nativeRpmArchitecture().equals("x86_64")) {
            assertThat(read(repository)).as("the default on this host").extracting(Build::key)
                    .containsExactlyInAnyOrder("qemu-kvm.x86_64", "qemu-doc.noarch");
        }
    }

    private static List<Build> read(Repository repository) throws RepositoryException {
        List<Build> builds = new ArrayList<>(new RpmMdReader(new Fetcher(), ReadLimits.DEFAULT)
                .read(repository, null, name -> name.startsWith("qemu-"), null).builds());
        return builds;
    }
}
