package io.jenkins.plugins.virtregress;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.util.XStream2;
import io.jenkins.plugins.virtregress.steps.bisect.BisectRegressionBuilder;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import java.util.Map;

/**
 * The names under which jobs saved before the steps had rooms of their own keep the plugin's
 * builders and trigger: a job's {@code config.xml} names each by its class, so the old names stay
 * readable. Jobs saved again are written with the new names.
 */
public final class OldClassNames {
    /** The classes that a job's configuration holds, by their name before the move. */
    private static final Map<String, Class<?>> MOVED = Map.of(
            "io.jenkins.plugins.virtregress.steps.PackageRepositoryTrigger", PackageRepositoryTrigger.class,
            "io.jenkins.plugins.virtregress.steps.InstallPackagesBuilder", InstallPackagesBuilder.class,
            "io.jenkins.plugins.virtregress.steps.GuestTestsBuilder", GuestTestsBuilder.class,
            "io.jenkins.plugins.virtregress.steps.BisectRegressionBuilder", BisectRegressionBuilder.class);

    private OldClassNames() {
    }

    /** Lets Jenkins read jobs that name the classes by their old names; runs before any job loads. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void addAliases() {
        addTo(Items.XSTREAM2);
    }

    /**
     * Adds the old names to an XStream.
     *
     * @param xstream the XStream that reads job configurations
     */
    public static void addTo(XStream2 xstream) {
        MOVED.forEach(xstream::addCompatibilityAlias);
    }
}
