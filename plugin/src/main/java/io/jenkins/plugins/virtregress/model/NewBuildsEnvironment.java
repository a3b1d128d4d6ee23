package io.jenkins.plugins.virtregress.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns new builds into the environment variables a triggered build sees:
 * {@code VIRT_REGRESS_NEW_BUILDS} holds all of them as a JSON array, and
 * {@code VIRT_REGRESS_VERSION_<NAME>} holds each package's new version (the name upper-cased,
 * every character other than a letter or digit turned into {@code _}).
 */
public final class NewBuildsEnvironment {
    /** The variable holding every new build as a JSON array. */
    public static final String NEW_BUILDS = "VIRT_REGRESS_NEW_BUILDS";
    /** The prefix of the per-package version variables. */
    public static final String VERSION_PREFIX = "VIRT_REGRESS_VERSION_";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NewBuildsEnvironment() {
    }

    /**
     * Computes the variables.
     *
     * @param builds the new builds
     * @return the variables by name, in a stable order
     */
    public static Map<String, String> variables(List<NewBuild> builds) {
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            variables.put(NEW_BUILDS, MAPPER.writeValueAsString(builds.stream().map(NewBuild::toMap).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write new builds as JSON", e);
        }
        for (NewBuild build : builds) {
            variables.put(versionVariable(build.getName()), build.getVersion());
        }
        return variables;
    }

    /**
     * Names the variable holding a package's version.
     *
     * @param packageName the package name, such as {@code qemu-kvm}
     * @return the variable name, such as {@code VIRT_REGRESS_VERSION_QEMU_KVM}
     */
    public static String versionVariable(String packageName) {
        StringBuilder name = new StringBuilder(VERSION_PREFIX);
        for (char c : packageName.toUpperCase(Locale.ROOT).toCharArray()) {
            name.append(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ? c : '_');
        }
        return name.toString();
    }
}
