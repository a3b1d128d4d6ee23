package org.virtregress.hunt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything that decides the verdicts of a hunt and how they are searched: the resolved good and
 * failing sets, the install settings, the suite, the commit probe, the confirmation runs and the
 * search mode (deterministic, or flaky-aware from the start with its confidence and run budget).
 * The state file records it, and its verdicts are reused only by a hunt with an equal fingerprint.
 *
 * <p>Not part of it, since they change no verdict: how many probes run at once and on which roots
 * (the order of the probes only), the upstream repositories, tag template and revisions of the
 * commit level (they choose the ends of the commit range; a commit's verdict is keyed by its hash).
 * Whether a level switched to the flaky-aware search by itself follows from the recorded verdicts,
 * so a replay switches at the same run. Immutable.
 *
 * @param good the last good set, package name to version, as resolved from the archive
 * @param bad the failing set, as resolved (a package's newest archived build when not given)
 * @param arch the architecture
 * @param install the install settings: manager, further repositories, signature check, timeout
 * @param suite the suite's settings ({@link SuiteLauncher#settings})
 * @param commitProbe the commit probe's settings ({@link CommitProber#settings}); empty without one
 * @param confirm the confirmation runs at each level
 * @param flaky whether the build and commit levels search flaky-aware from the start
 * @param confidence the flaky-aware search's target posterior
 * @param maxRuns the flaky-aware search's run budget per level
 */
public record HuntFingerprint(Map<String, String> good, Map<String, String> bad, String arch,
                              Map<String, String> install, Map<String, String> suite,
                              Map<String, String> commitProbe, int confirm, boolean flaky, double confidence,
                              int maxRuns) {
    /** Copies the maps (sets sorted by name, settings in their order); null maps are empty. */
    public HuntFingerprint {
        good = new TreeMap<>(good == null ? Map.of() : good);
        bad = new TreeMap<>(bad == null ? Map.of() : bad);
        install = copy(install);
        suite = copy(suite);
        commitProbe = copy(commitProbe);
    }

    /**
     * Returns the fingerprint of a request whose sets are resolved.
     *
     * @param request the request
     * @param good the resolved last good set
     * @param bad the resolved failing set
     * @param arch the resolved architecture
     * @return the fingerprint
     */
    static HuntFingerprint of(HuntRequest request, Map<String, String> good, Map<String, String> bad, String arch) {
        InstallSettings settings = request.install();
        Map<String, String> install = new LinkedHashMap<>();
        install.put("manager", settings.installer().manager());
        install.put("repositories", settings.repositories().toString());
        install.put("gpg check", Boolean.toString(settings.gpgCheck()));
        install.put("timeout", show(settings.timeout()));
        return new HuntFingerprint(good, bad, arch, install, request.suite().settings(),
                request.commitProber() == null ? Map.of() : request.commitProber().settings(), request.confirm(),
                request.flaky(), request.confidence(), request.maxRuns());
    }

    /**
     * Says how another fingerprint differs from this one, one line per setting, for example
     * {@code "--flaky: off in the state file, on now"}.
     *
     * @param now the fingerprint of the hunt about to run
     * @return the differences, this one's value first; empty when the two hunt the same way
     */
    public List<String> differences(HuntFingerprint now) {
        List<String> out = new ArrayList<>();
        compare(out, "good set", now, HuntFingerprint::good);
        compare(out, "failing set", now, HuntFingerprint::bad);
        compare(out, "arch", now, HuntFingerprint::arch);
        settings(out, "install", install, now.install);
        settings(out, "suite", suite, now.suite);
        settings(out, "commit probe", commitProbe, now.commitProbe);
        compare(out, "--confirm", now, HuntFingerprint::confirm);
        compare(out, "--flaky", now, f -> f.flaky() ? "on" : "off");
        compare(out, "--confidence", now, HuntFingerprint::confidence);
        compare(out, "--max-runs", now, HuntFingerprint::maxRuns);
        return out;
    }

    private void compare(List<String> out, String name, HuntFingerprint now, Function<HuntFingerprint, ?> value) {
        Object recorded = value.apply(this);
        Object wanted = value.apply(now);
        if (!Objects.equals(recorded, wanted)) {
            out.add(name + ": " + (recorded == null ? "none" : recorded) + " in the state file, "
                    + (wanted == null ? "none" : wanted) + " now");
        }
    }

    private static void settings(List<String> out, String what, Map<String, String> recorded,
                                 Map<String, String> wanted) {
        Map<String, String> names = new LinkedHashMap<>(recorded);
        wanted.forEach(names::putIfAbsent);
        for (String name : names.keySet()) {
            String then = recorded.get(name);
            String now = wanted.get(name);
            if (!Objects.equals(then, now)) {
                out.add(what + " " + name + ": " + (then == null ? "none" : then) + " in the state file, "
                        + (now == null ? "none" : now) + " now");
            }
        }
    }

    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Shows a duration as "30m" or "1h30m" or "45s". */
    static String show(java.time.Duration duration) {
        return duration == null ? "none" : duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
