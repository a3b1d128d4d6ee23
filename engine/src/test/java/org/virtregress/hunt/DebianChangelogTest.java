package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DebianChangelogTest {
    private static final String CHANGELOG = """
            qemu (1:9.1.0+ds-3) unstable; urgency=medium

              * d/rules: build without the vhost-user-gpu backend.
              * Closes: #1000001

             -- Jane Maintainer <jane@example.org>  Tue, 03 Sep 2024 10:00:00 +0200

            qemu (1:9.1.0+ds-2) unstable; urgency=medium

              * d/patches: fix the seabios path.

             -- Jane Maintainer <jane@example.org>  Mon, 02 Sep 2024 10:00:00 +0200

            qemu (1:9.1.0+ds-1~exp1) experimental; urgency=low

              * New upstream release, experimental.

             -- Jane Maintainer <jane@example.org>  Sun, 01 Sep 2024 10:00:00 +0200

            qemu (1:9.0.2+ds-1) unstable; urgency=medium

              * New upstream release.

             -- Jane Maintainer <jane@example.org>  Sat, 31 Aug 2024 10:00:00 +0200
            """;

    @Test
    void shouldKeepTheEntriesAfterTheGoodVersionUpToTheBadOneByDpkgOrder() {
        ChangelogEntries result = DebianChangelog.select(CHANGELOG, "qemu changelog", "1:9.1.0+ds-1~exp1",
                "1:9.1.0+ds-2");

        assertThat(result.notes()).isEmpty();
        assertThat(result.entries()).hasSize(1);
        assertThat(result.entries().get(0))
                .startsWith("qemu (1:9.1.0+ds-2) unstable; urgency=medium")
                .contains("  * d/patches: fix the seabios path.")
                .endsWith(" -- Jane Maintainer <jane@example.org>  Mon, 02 Sep 2024 10:00:00 +0200");
    }

    @Test
    void shouldOrderATildeVersionBeforeTheReleaseItPrecedes() {
        // 1~exp1 sorts before -1, so both -2 and -3 are newer than the good version; -1~exp1 is not
        ChangelogEntries result = DebianChangelog.select(CHANGELOG, "qemu changelog", "1:9.1.0+ds-1",
                "1:9.1.0+ds-3");

        assertThat(result.entries()).hasSize(2);
        assertThat(result.entries().get(0)).startsWith("qemu (1:9.1.0+ds-3)").contains("Closes: #1000001");
        assertThat(result.entries().get(1)).startsWith("qemu (1:9.1.0+ds-2)");
    }

    @Test
    void shouldStopAtAMalformedHeaderWithANoteAndKeepWhatCameBefore() {
        String text = CHANGELOG.replace("qemu (1:9.1.0+ds-2) unstable; urgency=medium", "qemu 9.1.0+ds-2 unstable");

        ChangelogEntries result = DebianChangelog.select(text, "qemu changelog", "1:9.0.2+ds-1",
                "1:9.1.0+ds-3");

        assertThat(result.entries()).hasSize(1);
        assertThat(result.entries().get(0)).startsWith("qemu (1:9.1.0+ds-3)");
        assertThat(result.notes()).singleElement().asString()
                .contains("qemu changelog: line 8 is not a changelog entry header")
                .contains("qemu 9.1.0+ds-2 unstable");
    }

    @Test
    void shouldCapTheLineLengthAndTheNumberOfEntries() {
        String longLine = "qemu (2.0-1) unstable; urgency=low\n\n  * " + "x".repeat(DebianChangelog.MAX_LINE) + "\n";
        ChangelogEntries tooLong = DebianChangelog.select(longLine, "long", "1.0-1", "2.0-1");
        assertThat(tooLong.entries()).isEmpty();
        // the entry cut by the long line is not shown half
        assertThat(tooLong.notes()).singleElement().asString().contains("long: line 3 is longer than");

        StringBuilder many = new StringBuilder();
        for (int i = 100; i > 0; i--) {
            many.append("pkg (1.0-").append(i).append(") unstable; urgency=low\n\n  * rebuild ").append(i)
                    .append("\n\n -- A <a@example.org>  Mon, 02 Sep 2024 10:00:00 +0200\n\n");
        }
        ChangelogEntries capped = DebianChangelog.select(many.toString(), "many", "1.0-1", "1.0-100");
        assertThat(capped.entries()).hasSize(DebianChangelog.MAX_ENTRIES);
        assertThat(capped.entries().get(0)).startsWith("pkg (1.0-100)");
        assertThat(capped.notes()).singleElement().asString().contains("more than 50 entries");
    }

    @Test
    void shouldSkipAnEntryWithAnUnreadableVersionWithANote() {
        String text = CHANGELOG.replace("(1:9.1.0+ds-2)", "(x:9.1.0+ds-2)");

        ChangelogEntries result = DebianChangelog.select(text, "qemu changelog", "1:9.0.2+ds-1",
                "1:9.1.0+ds-3");

        assertThat(result.entries()).extracting(e -> e.lines().findFirst().orElseThrow())
                .containsExactly("qemu (1:9.1.0+ds-3) unstable; urgency=medium",
                        "qemu (1:9.1.0+ds-1~exp1) experimental; urgency=low");
        assertThat(result.notes()).singleElement().asString().contains("line 8: entry skipped, bad version x:9.1.0+ds-2");
    }
}
