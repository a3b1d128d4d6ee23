package io.jenkins.plugins.virtregress.steps.hunt;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.ProbeResult;
import org.virtregress.bisect.Verdict;
import org.virtregress.hunt.PackageFile;
import org.virtregress.hunt.SetTester;
import org.virtregress.install.InstallResult;
import org.virtregress.storage.Json;

/**
 * The hunt's set tester on the build's node when its probes run on the nodes of the build's label:
 * hands every set to the controller's {@link ProbeDispatch} and translates the answer back.
 */
final class DispatchSetTester implements SetTester {
    private final ProbeDispatch dispatch;

    DispatchSetTester(ProbeDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Override
    public ProbeResult test(String name, List<PackageFile> set) throws ProbeAbortedException, InterruptedException {
        ProbeDispatch.Probed probed;
        try {
            probed = dispatch.test(name, shipped(set));
        } catch (IOException e) {
            throw new ProbeAbortedException(e.getMessage(), e);
        }
        return result(probed);
    }

    @Override
    public List<Restored> restore(List<PackageFile> set) throws InterruptedException {
        List<Restored> restored = new ArrayList<>();
        for (ProbeDispatch.RestoredRoot root : dispatch.restore(shipped(set))) {
            restored.add(new Restored(root.where(), install(root.install()), root.error()));
        }
        return restored;
    }

    /** Returns a verdict from the channel. */
    static ProbeResult result(ProbeDispatch.Probed probed) {
        return new ProbeResult(Verdict.valueOf(probed.verdict()), 1, Duration.ofMillis(probed.millis()), probed.log(),
                probed.signature(), probed.reason());
    }

    /** Returns a verdict for the channel. */
    static ProbeDispatch.Probed probed(ProbeResult result, String where) {
        return new ProbeDispatch.Probed(result.verdict().name(), result.duration().toMillis(), result.logRef(),
                result.failureSignature(), result.reason() + " (on " + where + ")");
    }

    static List<ProbeDispatch.ShippedFile> shipped(List<PackageFile> set) {
        return set.stream().map(f -> new ProbeDispatch.ShippedFile(f.name(), f.version(),
                f.file().toAbsolutePath().toString())).toList();
    }

    private static InstallResult install(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.mapper().readValue(json, InstallResult.class);
        } catch (IOException e) {
            return null;
        }
    }
}
