package org.virtregress.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Builds real rpm packages with rpmbuild and real repositories with createrepo_c. */
final class RpmFixtures {
    private RpmFixtures() {
    }

    /**
     * Builds a tiny noarch rpm.
     *
     * @param work a scratch directory
     * @param name package name
     * @param epoch epoch or null
     * @param version version
     * @param release release
     * @param marker text that makes two builds of the same version differ
     * @param vcs the VCS tag or null
     * @return the rpm file
     */
    static Path rpm(Path work, String name, String epoch, String version, String release, String marker, String vcs)
            throws IOException, InterruptedException {
        return rpm(work, name, epoch, version, release, marker, vcs, "noarch");
    }

    /** Builds a tiny rpm for an architecture ({@code noarch}, {@code x86_64}, {@code i586}). */
    static Path rpm(Path work, String name, String epoch, String version, String release, String marker, String vcs,
            String arch) throws IOException, InterruptedException {
        Path top = Files.createTempDirectory(work, "rpmbuild");
        Path spec = top.resolve(name + ".spec");
        StringBuilder text = new StringBuilder()
                .append("Name: ").append(name).append('\n')
                .append("Version: ").append(version).append('\n')
                .append("Release: ").append(release).append('\n')
                .append("Summary: test package ").append(name).append('\n')
                .append("License: MIT\n").append(arch.equals("noarch") ? "BuildArch: noarch\n" : "");
        if (epoch != null) {
            text.append("Epoch: ").append(epoch).append('\n');
        }
        if (vcs != null) {
            text.append("VCS: ").append(vcs).append('\n');
        }
        text.append("%description\n").append(marker).append(" & <b>\n\n%files\n");
        Files.writeString(spec, text);
        java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("rpmbuild", "-bb", "--quiet"));
        if (!arch.equals("noarch")) {
            argv.addAll(java.util.List.of("--target", arch));
        }
        argv.addAll(java.util.List.of("--define", "_topdir " + top, "--define", "_build_id_links none",
                spec.toString()));
        Tools.run(top, argv.toArray(String[]::new));
        try (Stream<Path> files = Files.walk(top.resolve("RPMS"))) {
            return files.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
    }

    /** Copies rpms into a fresh repository directory and runs createrepo_c there. */
    static Path repository(Path dir, Path[] rpms, String... createrepoOptions) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("Packages"));
        for (Path rpm : rpms) {
            Files.copy(rpm, dir.resolve("Packages").resolve(rpm.getFileName()));
        }
        String[] argv = new String[createrepoOptions.length + 3];
        argv[0] = "createrepo_c";
        argv[1] = "--no-database";
        System.arraycopy(createrepoOptions, 0, argv, 2, createrepoOptions.length);
        argv[argv.length - 1] = ".";
        Tools.run(dir, argv);
        return dir;
    }

    /** Replaces a repository's primary data with a zstd copy and rewrites repomd.xml to match. */
    static void recompressPrimaryWithZstd(Path repo) throws IOException, InterruptedException {
        Path repodata = repo.resolve("repodata");
        Path repomd = repodata.resolve("repomd.xml");
        String xml = Files.readString(repomd);
        Matcher m = Pattern.compile("repodata/([^\"]*primary\\.xml\\.gz)").matcher(xml);
        if (!m.find()) {
            throw new IllegalStateException("no gzip primary in " + repomd);
        }
        Path gz = repodata.resolve(m.group(1));
        Tools.run(repodata, "gzip", "-dk", gz.getFileName().toString());
        Path plain = repodata.resolve(m.group(1).replace(".gz", ""));
        Tools.run(repodata, "zstd", "-q", "-f", plain.getFileName().toString());
        Path zst = repodata.resolve(plain.getFileName() + ".zst");
        String oldChecksum = Tools.sha256(gz);
        String newChecksum = Tools.sha256(zst);
        Path renamed = repodata.resolve(newChecksum + "-primary.xml.zst");
        Files.move(zst, renamed);
        Files.delete(plain);
        Files.delete(gz);
        String primaryData = xml.substring(xml.indexOf("<data type=\"primary\">"));
        primaryData = primaryData.substring(0, primaryData.indexOf("</data>"));
        String rewritten = primaryData.replace(m.group(1), renamed.getFileName().toString())
                .replace(oldChecksum, newChecksum)
                .replaceFirst("<size>\\d+</size>", "<size>" + Files.size(renamed) + "</size>");
        Files.writeString(repomd, xml.replace(primaryData, rewritten));
    }
}
