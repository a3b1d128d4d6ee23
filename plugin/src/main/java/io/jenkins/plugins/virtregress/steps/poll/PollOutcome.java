package io.jenkins.plugins.virtregress.steps.poll;

import io.jenkins.plugins.virtregress.model.NewBuild;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * What a poll on a node brings back to the controller.
 *
 * @param builds the new builds
 * @param problems one line per repository that could not be read
 * @param state the new poll state to keep, or null when none was written
 */
record PollOutcome(List<NewBuild> builds, List<String> problems, byte[] state) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
