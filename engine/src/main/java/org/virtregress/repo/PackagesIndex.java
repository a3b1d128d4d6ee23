package org.virtregress.repo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Packages} index of a Debian repository chosen to be read, and the rule that
 * chooses them from a Release: the indices of the selected components and architectures only,
 * each in the compressions the Release lists, best first (xz, then gzip, then plain; a mirror
 * that lacks one is asked for the next, as apt does). {@code binary-all} is read when
 * {@code all} is selected, unless the Release says its {@code all} packages are in the
 * architecture indices too ({@code No-Support-for-Architecture-all: Packages}).
 *
 * @param paths the paths of the files to try, best first, relative to the Release
 * @param directory the directory the index lies in, relative to the Release, ending with a
 *     slash (empty for a flat repository)
 */
record PackagesIndex(List<String> paths, String directory) {
    /** Copies the list. */
    PackagesIndex {
        paths = List.copyOf(paths);
    }

    private static final Pattern SUITE_INDEX = Pattern.compile("^((.+)/binary-([^/]+)/)Packages(\\.xz|\\.gz)?$");
    private static final Pattern FLAT_INDEX = Pattern.compile("^()Packages(\\.xz|\\.gz)?$");
    private static final List<String> PREFERENCE = List.of(".xz", ".gz", "");
    private static final String ALL = "all";

    /**
     * Chooses the indices to read.
     *
     * @param release the Release file
     * @param repository the repository and its selection
     * @param what the Release's URL, for messages
     * @return the indices, in the Release's order of components and architectures
     * @throws RepositoryException if a chosen component or architecture is not in the Release, or
     *     nothing selected has an index; the message lists what the Release holds
     */
    static List<PackagesIndex> choose(ReleaseFile release, Repository repository, String what)
            throws RepositoryException {
        IndexSelection selection = repository.selection();
        Map<String, Map<String, List<String>>> byComponent = best(release, repository.isDebianSuite());
        Set<String> listedComponents = new LinkedHashSet<>();
        for (String component : listed(release, "components", byComponent.keySet(), true)) {
            listedComponents.add(indexComponent(component, byComponent));
        }
        Set<String> architecturesInIndices = new LinkedHashSet<>();
        byComponent.values().forEach(m -> architecturesInIndices.addAll(m.keySet()));
        architecturesInIndices.remove("");
        Set<String> listedArchitectures = listed(release, "architectures", architecturesInIndices, false);

        Set<String> components = new LinkedHashSet<>(byComponent.keySet());
        if (repository.isDebianSuite()) {
            if (selection.components().isEmpty()) {
                components.retainAll(listedComponents.isEmpty() ? byComponent.keySet() : listedComponents);
            } else {
                components = new LinkedHashSet<>();
                for (String component : selection.components()) {
                    String inIndex = indexComponent(component, byComponent);
                    if (!listedComponents.contains(inIndex) && !byComponent.containsKey(inIndex)) {
                        throw new RepositoryException(what + " has no component '" + component + "'; it lists: "
                                + describe(listed(release, "components", byComponent.keySet(), true)));
                    }
                    components.add(inIndex);
                }
            }
        }
        Set<String> architectures = architectures(selection, listedArchitectures, what);
        boolean allInArchitectureIndices = release.fields().getOrDefault("no-support-for-architecture-all", "")
                .strip().equals("Packages");
        List<PackagesIndex> chosen = new ArrayList<>();
        for (String component : components) {
            Map<String, List<String>> files = byComponent.getOrDefault(component, Map.of());
            for (Map.Entry<String, List<String>> file : files.entrySet()) {
                String architecture = file.getKey();
                boolean wanted = architecture.isEmpty() || architectures.isEmpty()
                        || architectures.contains(architecture)
                        && !(architecture.equals(ALL) && allInArchitectureIndices);
                if (wanted) {
                    String path = file.getValue().get(0);
                    chosen.add(new PackagesIndex(file.getValue(), path.substring(0, path.lastIndexOf('/') + 1)));
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new RepositoryException(what + " has no Packages index of " + selection
                    + (repository.isDebianSuite() ? "; it lists components " + describe(listedComponents) + "," : ";")
                    + " architectures " + describe(listedArchitectures));
        }
        return chosen;
    }

    /** The selected architectures: empty for all; explicit ones must be in the Release. */
    private static Set<String> architectures(IndexSelection selection, Set<String> listed, String what)
            throws RepositoryException {
        if (selection.anyArchitecture()) {
            return Set.of();
        }
        Set<String> architectures = selection.effectiveArchitectures(PackageFormat.DEB);
        if (listed.isEmpty()) {
            return architectures;
        }
        if (selection.defaultArchitectures()) {
            String host = IndexSelection.nativeDebianArchitecture();
            if (!listed.contains(host) && !listed.contains(ALL)) {
                throw new RepositoryException(what + " has no packages for this host's architecture " + host
                        + "; it lists: " + describe(listed) + " (choose architectures, or '" + IndexSelection.ANY
                        + "' for all)");
            }
            return architectures;
        }
        for (String architecture : architectures) {
            if (!architecture.equals(ALL) && !listed.contains(architecture)) {
                throw new RepositoryException(what + " has no architecture '" + architecture + "'; it lists: "
                        + describe(listed));
            }
        }
        return architectures;
    }

    /**
     * The files of each index, best compression first, by component and architecture (both ""
     * in a flat repository).
     */
    private static Map<String, Map<String, List<String>>> best(ReleaseFile release, boolean suite) {
        Map<String, Map<String, List<String>>> best = new LinkedHashMap<>();
        for (String path : release.sha256().keySet()) {
            Matcher m = (suite ? SUITE_INDEX : FLAT_INDEX).matcher(path);
            if (!m.matches()) {
                continue;
            }
            String component = suite ? m.group(2) : "";
            String architecture = suite ? m.group(3) : "";
            List<String> files = best.computeIfAbsent(component, c -> new LinkedHashMap<>())
                    .computeIfAbsent(architecture, a -> new ArrayList<>());
            files.add(path);
            files.sort(java.util.Comparator.comparingInt(PackagesIndex::rank));
        }
        return best;
    }

    private static int rank(String path) {
        for (int r = 0; r < PREFERENCE.size() - 1; r++) {
            if (path.endsWith(PREFERENCE.get(r))) {
                return r;
            }
        }
        return PREFERENCE.size() - 1;
    }

    /**
     * The component name the index paths use for a component the Release lists: itself, or its
     * last part when only that has indices (a security suite lists {@code updates/main} and keeps
     * {@code main/binary-amd64/}).
     */
    private static String indexComponent(String component, Map<String, ?> byComponent) {
        if (byComponent.containsKey(component) || !component.contains("/")) {
            return component;
        }
        String last = component.substring(component.lastIndexOf('/') + 1);
        return byComponent.containsKey(last) ? last : component;
    }

    private static Set<String> listed(ReleaseFile release, String field, Set<String> fromIndices, boolean single) {
        String value = release.fields().get(field);
        Set<String> names = new LinkedHashSet<>();
        if (value != null && !value.isBlank()) {
            names.addAll(List.of(value.strip().split("\\s+")));
        } else {
            for (String name : fromIndices) {
                if (!single || !name.contains("/")) {
                    names.add(name);
                }
            }
        }
        names.remove("");
        return names;
    }

    private static String describe(Set<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }
}
