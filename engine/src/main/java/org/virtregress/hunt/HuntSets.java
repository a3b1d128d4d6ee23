package org.virtregress.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.virtregress.repo.Archive;
import org.virtregress.repo.ArchivedBuild;

/**
 * The last good and the failing package sets, found in the archive: each package at its version,
 * all of one architecture. A package missing from the failing set is taken at its newest archived
 * build. The sets may differ in several packages (the package level finds which one).
 *
 * @param arch the architecture
 * @param good the last good set, package name to its archived build (absent: not installed)
 * @param bad the failing set
 */
record HuntSets(String arch, Map<String, ArchivedBuild> good, Map<String, ArchivedBuild> bad) {
    /**
     * Finds the sets in the archive.
     *
     * @param archive the archive
     * @param goodVersions the last good set, name to version
     * @param badVersions the failing set, name to version; packages missing here take their newest build
     * @param arch the architecture, or {@code null} for the failing builds'
     * @return the sets
     * @throws HuntInputException naming the package, version or architecture that is not in the archive
     */
    static HuntSets find(Archive archive, Map<String, String> goodVersions, Map<String, String> badVersions,
                         String arch) throws HuntInputException {
        if (goodVersions.isEmpty()) {
            throw input("no last good set given: name at least one package and its good version");
        }
        TreeSet<String> names = new TreeSet<>(goodVersions.keySet());
        names.addAll(badVersions.keySet());
        String chosen = arch != null ? arch : archOf(archive, names, badVersions);
        Map<String, ArchivedBuild> good = new LinkedHashMap<>();
        Map<String, ArchivedBuild> bad = new LinkedHashMap<>();
        for (String name : names) {
            if (goodVersions.containsKey(name)) {
                good.put(name, find(archive, name, goodVersions.get(name), chosen, "good"));
            }
            String badVersion = badVersions.get(name);
            if (badVersion != null) {
                bad.put(name, find(archive, name, badVersion, chosen, "failing"));
            } else {
                List<ArchivedBuild> all = archive.builds(name).stream()
                        .filter(b -> b.build().arch().equals(chosen) || isNoarch(b)).toList();
                if (all.isEmpty()) {
                    throw input("package " + name + " has no build for " + chosen + " in the archive "
                            + archive.directory());
                }
                bad.put(name, all.get(all.size() - 1));
            }
        }
        for (String name : good.keySet()) {
            ArchivedBuild g = good.get(name);
            ArchivedBuild b = bad.get(name);
            if (b != null && g.build().compareVersion(b.build()) > 0) {
                throw input("good build " + g.build().nevra() + " is newer than the failing build "
                        + b.build().nevra());
            }
        }
        HuntSets sets = new HuntSets(chosen, good, bad);
        if (sets.changed().isEmpty()) {
            throw input("the good and the failing set are the same (" + describe(good) + "): nothing to hunt");
        }
        return sets;
    }

    /** Returns the packages whose build differs between the sets, in name order. */
    List<String> changed() {
        TreeSet<String> names = new TreeSet<>(good.keySet());
        names.addAll(bad.keySet());
        return names.stream().filter(n -> !Objects.equals(version(good.get(n)), version(bad.get(n)))).toList();
    }

    /** Returns a set as name to version. */
    static Map<String, String> versions(Map<String, ArchivedBuild> set) {
        Map<String, String> versions = new LinkedHashMap<>();
        set.forEach((name, build) -> versions.put(name, build.build().evr()));
        return versions;
    }

    /** Returns the build of a package at a version, from either set. */
    ArchivedBuild build(String name, String version) {
        ArchivedBuild g = good.get(name);
        if (g != null && g.build().evr().equals(version)) {
            return g;
        }
        ArchivedBuild b = bad.get(name);
        if (b != null && b.build().evr().equals(version)) {
            return b;
        }
        throw new IllegalArgumentException("no build " + name + " " + version + " in the sets");
    }

    private static String version(ArchivedBuild build) {
        return build == null ? null : build.build().evr() + "@" + build.build().checksum().value();
    }

    private static String archOf(Archive archive, TreeSet<String> names, Map<String, String> badVersions)
            throws HuntInputException {
        TreeSet<String> arches = new TreeSet<>();
        for (String name : names) {
            List<ArchivedBuild> builds = archive.builds(name);
            if (builds.isEmpty()) {
                throw input("package " + name + " is not in the archive " + archive.directory()
                        + (archive.builds().isEmpty() ? " (it holds no builds: poll with --archive first)"
                        : " (it holds " + archive.builds().stream().map(b -> b.build().name()).distinct()
                        .collect(Collectors.joining(", ")) + ")"));
            }
            String version = badVersions.get(name);
            builds.stream().filter(b -> version == null || b.build().evr().equals(version))
                    .filter(b -> !"noarch".equals(b.build().arch()) && !"all".equals(b.build().arch()))
                    .forEach(b -> arches.add(b.build().arch()));
        }
        if (arches.size() > 1) {
            throw input("the failing builds come in several architectures (" + String.join(", ", arches)
                    + "): name one with --arch");
        }
        return arches.isEmpty() ? "noarch" : arches.first();
    }

    private static ArchivedBuild find(Archive archive, String name, String version, String arch, String which)
            throws HuntInputException {
        List<ArchivedBuild> all = archive.builds(name);
        List<ArchivedBuild> versions = all.stream().filter(b -> b.build().evr().equals(version)).toList();
        List<ArchivedBuild> matching = new ArrayList<>(versions.stream()
                .filter(b -> b.build().arch().equals(arch) || isNoarch(b)).toList());
        if (!matching.isEmpty()) {
            return matching.get(matching.size() - 1);
        }
        if (!versions.isEmpty()) {
            throw input(which + " build " + name + " " + version + " is in the archive only for "
                    + versions.stream().map(b -> b.build().arch()).distinct().collect(Collectors.joining(", "))
                    + ", not for " + arch);
        }
        throw input(which + " build " + name + " " + version + " is not in the archive " + archive.directory()
                + (all.isEmpty() ? "" : " (it holds " + all.stream().map(b -> b.build().evr() + "." + b.build().arch())
                .collect(Collectors.joining(", ")) + ")"));
    }

    private static boolean isNoarch(ArchivedBuild build) {
        return "noarch".equals(build.build().arch()) || "all".equals(build.build().arch());
    }

    private static String describe(Map<String, ArchivedBuild> set) {
        return set.values().stream().map(b -> b.build().nevra()).collect(Collectors.joining(", "));
    }

    private static HuntInputException input(String message) {
        return new HuntInputException(HuntResult.Ending.BAD_INPUT, message);
    }
}
