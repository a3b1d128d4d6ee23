package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rules of the commit level's inputs: an upstream repository's URL and a tag template. */
class UpstreamRulesTest {
    @Test
    void shouldAcceptTheUsualGitUrls() {
        assertThat(UpstreamClone.checkUrl("https://gitlab.com/qemu-project/qemu.git", false)).isNotEmpty();
        assertThat(UpstreamClone.checkUrl("ssh://git@example.org/virt/qemu.git", false)).isNotEmpty();
        assertThat(UpstreamClone.checkUrl("git@github.com:qemu/qemu.git", false)).isNotEmpty();
        assertThat(UpstreamClone.checkUrl("file:///srv/git/qemu.git", true)).isNotEmpty();
    }

    @Test
    void shouldRefuseAPasswordInTheUrlWithoutRepeatingIt() {
        assertThatThrownBy(() -> UpstreamClone.checkUrl("https://qa:s3cret@example.org/qemu.git", false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password in the URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldRefuseOptionsOtherTransportsAndFileUrlsWhereNotAllowed() {
        assertThatThrownBy(() -> UpstreamClone.checkUrl("--upload-pack=touch /tmp/x", false))
                .hasMessageContaining("starts with '-'");
        assertThatThrownBy(() -> UpstreamClone.checkUrl("ext::sh -c touch% /tmp/x", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpstreamClone.checkUrl("ftp://example.org/qemu.git", false))
                .hasMessageContaining("give an https, http, ssh or git URL");
        assertThatThrownBy(() -> UpstreamClone.checkUrl("file:///srv/git/qemu.git", false))
                .hasMessageContaining("is a file: URL");
        assertThatThrownBy(() -> UpstreamClone.checkUrl(" ", false)).hasMessageContaining("empty");
    }

    @Test
    void shouldTakeATagTemplateWithTheVersionInAValidTagName() {
        assertThat(HuntRequest.checkTagTemplate("v%{version}")).isEqualTo("v%{version}");
        assertThat(HuntRequest.checkTagTemplate("release/qemu-%{version}")).isNotEmpty();
    }

    @Test
    void shouldRefuseATagTemplateThatNamesNoVersionOrNoValidTag() {
        assertThatThrownBy(() -> HuntRequest.checkTagTemplate("v9.1.0")).hasMessageContaining("must hold %{version}");
        assertThatThrownBy(() -> HuntRequest.checkTagTemplate("v%{version} x")).hasMessageContaining("git tag name");
        assertThatThrownBy(() -> HuntRequest.checkTagTemplate("-%{version}")).hasMessageContaining("git tag name");
        assertThatThrownBy(() -> HuntRequest.checkTagTemplate("v%{version}..")).hasMessageContaining("git tag name");
        assertThatThrownBy(() -> HuntRequest.checkTagTemplate("")).hasMessageContaining("empty");
    }
}
