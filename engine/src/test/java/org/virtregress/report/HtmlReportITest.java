package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.CommandResult;

/** Renders report pages in real headless Chromium. */
class HtmlReportITest {
    @Test
    void shouldRenderAScreenshotWithTheVerdictColours(@TempDir Path dir) throws IOException, InterruptedException {
        Path page = write(dir, "complete.html", ReportFixtures.complete());
        Path png = dir.resolve("complete.png");

        CommandResult result = new HeadlessChromium(dir).screenshot(page, png);

        assertThat(result.succeeded()).as(result.describe() + "\n" + result.stderr()).isTrue();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("a PNG at " + png).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(2000);
        PixelCensus census = PixelCensus.of(image);
        assertThat(census.distinctColours()).as("distinct colours").isGreaterThan(200);
        assertThat(census.nonWhiteShare()).as("share of pixels that are not white").isGreaterThan(0.10);
        assertThat(census.count(0xcf222e)).as("pixels of the bad colour").isGreaterThan(2000);
        assertThat(census.count(0x1a7f37)).as("pixels of the good colour").isGreaterThan(2000);
        assertThat(census.count(0xbf8700)).as("pixels of the weak colour").isGreaterThan(500);
    }

    @Test
    void shouldKeepHostileStringsAsTextInTheParsedDom(@TempDir Path dir) throws IOException, InterruptedException {
        Path page = write(dir, "hostile.html", ReportFixtures.hostile());

        CommandResult result = new HeadlessChromium(dir).dumpDom(page);

        assertThat(result.succeeded()).as(result.describe() + "\n" + result.stderr()).isTrue();
        String dom = result.output();
        assertThat(dom).contains("<div class=\"virt-regress-report\">")
                .contains(ReportFixtures.CULPRIT)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; \"quoted\" &amp; 'single' ]]&gt; &lt;img src=x onerror=alert(2)&gt;")
                .contains("pkg&lt;script&gt;alert(3)&lt;/script&gt;")
                .contains("<h3>Which package</h3>")
                .contains("pkg&lt;script&gt;alert(12)&lt;/script&gt;")
                .contains("&lt;/title&gt;&lt;script&gt;alert(10)&lt;/script&gt;")
                .contains("<title>Range narrowing of commits: 214 candidates, 8 probes, 1 remaining</title>");
        assertThat(dom).doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContain("<b>bold</b>")
                .doesNotContainIgnoringCase("href=\"javascript:");
        assertThat(HtmlReportTest.eventHandlerAttributes(dom)).isEmpty();
    }

    @Test
    void shouldRenderTheInconclusiveRange(@TempDir Path dir) throws IOException, InterruptedException {
        Path page = write(dir, "range.html", ReportFixtures.inconclusive());

        CommandResult result = new HeadlessChromium(dir).dumpDom(page);

        assertThat(result.succeeded()).as(result.describe() + "\n" + result.stderr()).isTrue();
        assertThat(result.output()).contains("one of 3 commits").contains("Remaining candidates")
                .contains("qemu: use -blockdev for cdrom on hotplug").contains("INCONCLUSIVE");
    }

    private static Path write(Path dir, String name, RegressionReport report) throws IOException {
        Path page = dir.resolve(name);
        Files.writeString(page, HtmlReport.page(report), StandardCharsets.UTF_8);
        return page;
    }

    /** Counts the colours of an image. */
    private record PixelCensus(int distinctColours, double nonWhiteShare, int[] pixels) {
        static PixelCensus of(BufferedImage image) {
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            Set<Integer> colours = new HashSet<>();
            long nonWhite = 0;
            for (int p : pixels) {
                int rgb = p & 0xffffff;
                colours.add(rgb);
                if (((rgb >> 16) & 0xff) < 240 || ((rgb >> 8) & 0xff) < 240 || (rgb & 0xff) < 240) {
                    nonWhite++;
                }
            }
            return new PixelCensus(colours.size(), nonWhite / (double) pixels.length, pixels);
        }

        long count(int rgb) {
            long n = 0;
            for (int p : pixels) {
                if ((p & 0xffffff) == rgb) {
                    n++;
                }
            }
            return n;
        }
    }
}
