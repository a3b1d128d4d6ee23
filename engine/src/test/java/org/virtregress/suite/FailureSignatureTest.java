package org.virtregress.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureSignatureTest {
    @Test
    void shouldMaskWhatChangesFromRunToRun() {
        FailureSignature first = FailureSignature.of("3-migration.py:Migration.test_tcp",
                "2024-05-01T10:00:01Z guest crashed at 0x7f3a12c0 (pid 4121) writing /tmp/avocado_abc/debug.log "
                        + "uuid 123e4567-e89b-12d3-a456-426614174000 commit 1f2e3d4c5b6a after 12.5 s");
        FailureSignature second = FailureSignature.of("17-migration.py:Migration.test_tcp",
                "2025-01-09 23:59:59.123 guest crashed at 0xffff8000 (pid 77)  writing /var/tmp/x/debug.log "
                        + "uuid 00000000-0000-4000-8000-000000000000 commit a9b8c7d6e5f4 after 3 s");

        assertThat(first.text()).isEqualTo("migration.py:Migration.test_tcp: <TIME> guest crashed at <HEX> "
                + "(pid <N>) writing <PATH> uuid <UUID> commit <HEX> after <N> s");
        assertThat(first.sameFailure(second)).isTrue();
        assertThat(first.hash()).isEqualTo(second.hash()).hasSize(16);
    }

    @Test
    void shouldTellDifferentFailuresApart() {
        FailureSignature timeout = FailureSignature.of("boot", "guest did not print a login prompt in 60 s");
        FailureSignature panic = FailureSignature.of("boot", "Kernel panic - not syncing: VFS: Unable to mount root fs");
        FailureSignature otherCase = FailureSignature.of("reboot", "guest did not print a login prompt in 60 s");

        assertThat(timeout.sameFailure(panic)).isFalse();
        assertThat(timeout.sameFailure(otherCase)).isFalse();
        assertThat(timeout.hash()).isNotEqualTo(panic.hash());
    }

    @Test
    void shouldBeDerivedFromAFailedCaseOnly() {
        CaseResult failed = CaseResult.of("disk", null, CaseStatus.FAIL, null, "no block device /dev/vda", null);
        CaseResult passed = CaseResult.of("disk", null, CaseStatus.PASS, null, null, null);

        assertThat(failed.signature().text()).isEqualTo("disk: no block device <PATH>");
        assertThat(passed.signature()).isNull();
    }
}
