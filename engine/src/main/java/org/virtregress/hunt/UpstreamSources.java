package org.virtregress.hunt;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The upstream repositories of the commit level when they are not local directories given up front
 * (the CLI's {@code --source PACKAGE=GITDIR}): a package's repository is fetched only once the hunt
 * has named that package's culprit build, so a hunt that ends earlier clones nothing.
 */
public interface UpstreamSources {
    /**
     * Tells whether a package has an upstream repository, without fetching it.
     *
     * @param packageName the package
     * @return whether {@link #fetch} can give its repository
     */
    boolean has(String packageName);

    /**
     * Clones the package's upstream repository, or updates the clone a hunt made before.
     *
     * @param packageName a package for which {@link #has} is true
     * @return the local git repository
     * @throws IOException if it cannot be fetched; the message names the repository, never a secret
     * @throws InterruptedException if interrupted
     */
    Path fetch(String packageName) throws IOException, InterruptedException;

    /**
     * Says how a user names a package's upstream repository, for the report of a hunt that ends at
     * the build because the package has none.
     *
     * @param packageName the package
     * @return for example {@code "--source qemu=GITDIR"}
     */
    String howToName(String packageName);

    /**
     * Returns the tag template of a package's upstream versions, used in place of the request's.
     *
     * @param packageName the package
     * @return the template ({@code v%{version}}), or null to use the request's
     */
    default String tagTemplate(String packageName) {
        return null;
    }
}
