package org.virtregress.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compares our orderings with the real rpm and dpkg over generated pairs. */
class VersionOracleITest {
    private static final String RPM_ALPHABET = "0123456789012345abcxyzAZ..._+~^";
    private static final String DEB_ALPHABET = "0123456789012345abcxyzAZ...+~";

    @Test
    void shouldAgreeWithRpmVercmp() throws Exception {
        Random random = new Random(20241002);
        List<String[]> pairs = new ArrayList<>();
        for (int k = 0; k < 3000; k++) {
            String a = randomVersion(random, RPM_ALPHABET, false);
            pairs.add(new String[] {a, random.nextInt(4) == 0 ? a : mutate(random, a, RPM_ALPHABET)});
        }
        pairs.add(new String[] {"1.0.a", "1.0.1"});
        StringBuilder lua = new StringBuilder("%{lua: for _,p in ipairs({");
        for (String[] pair : pairs) {
            lua.append("{\"").append(pair[0]).append("\",\"").append(pair[1]).append("\"},");
        }
        lua.append("}) do print(rpm.vercmp(p[1],p[2]) .. \"\\n\") end}");

        List<String> expected = run(List.of("rpm", "--eval", lua.toString()), null);

        assertThat(expected).hasSize(pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            String[] pair = pairs.get(k);
            assertThat(RpmVersion.compare(pair[0], pair[1])).as("rpmvercmp(%s, %s)", pair[0], pair[1])
                    .isEqualTo(Integer.parseInt(expected.get(k)));
        }
    }

    @Test
    void shouldAgreeWithRpmOnEpochVersionRelease() throws Exception {
        Random random = new Random(41);
        List<String[]> pairs = new ArrayList<>();
        for (int k = 0; k < 1000; k++) {
            String a = randomEvr(random);
            pairs.add(new String[] {a, random.nextInt(3) == 0 ? randomEvr(random) : mutateEvr(random, a)});
        }
        StringBuilder lua = new StringBuilder("%{lua: for _,p in ipairs({");
        for (String[] pair : pairs) {
            lua.append("{\"").append(pair[0]).append("\",\"").append(pair[1]).append("\"},");
        }
        lua.append("}) do local a=rpm.ver(p[1]) local b=rpm.ver(p[2]) ")
                .append("if a<b then print(\"-1\\n\") elseif a==b then print(\"0\\n\") else print(\"1\\n\") end end}");

        List<String> expected = run(List.of("rpm", "--eval", lua.toString()), null);

        assertThat(expected).hasSize(pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            String[] pair = pairs.get(k);
            assertThat(Evr.parse(pair[0]).compareTo(Evr.parse(pair[1]))).as("evr(%s, %s)", pair[0], pair[1])
                    .isEqualTo(Integer.parseInt(expected.get(k)));
        }
    }

    @Test
    void shouldAgreeWithDpkgCompareVersions(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        List<String[]> pairs = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            String a = randomDebian(random);
            pairs.add(new String[] {a, random.nextInt(4) == 0 ? a : mutateDebian(random, a)});
        }
        pairs.add(new String[] {"1.0.a", "1.0.1"});
        StringBuilder lines = new StringBuilder();
        for (String[] pair : pairs) {
            lines.append(pair[0]).append(' ').append(pair[1]).append('\n');
        }
        Path input = Files.writeString(dir.resolve("pairs"), lines);

        List<String> expected = run(List.of("bash", "-c",
                "while read -r a b; do if dpkg --compare-versions \"$a\" lt \"$b\"; then echo -1; "
                        + "elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo 0; else echo 1; fi; done"),
                input);

        assertThat(expected).hasSize(pairs.size());
        for (int k = 0; k < pairs.size(); k++) {
            String[] pair = pairs.get(k);
            assertThat(DebianVersion.compare(pair[0], pair[1])).as("dpkg(%s, %s)", pair[0], pair[1])
                    .isEqualTo(Integer.parseInt(expected.get(k)));
        }
    }

    private static List<String> run(List<String> argv, Path input) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(false);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("exit code of %s", argv.get(0)).isZero();
        return new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).map(String::strip).toList();
    }

    private static String randomVersion(Random random, String alphabet, boolean startWithDigit) {
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int k = 0; k < length; k++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        if (startWithDigit || !Character.isLetterOrDigit(out.charAt(0)) && random.nextBoolean()) {
            out.insert(0, (char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private static String mutate(Random random, String value, String alphabet) {
        StringBuilder out = new StringBuilder(value);
        int edits = 1 + random.nextInt(2);
        for (int k = 0; k < edits; k++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            int at = random.nextInt(out.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> out.insert(at, c);
                case 1 -> {
                    if (at < out.length()) {
                        out.setCharAt(at, c);
                    } else {
                        out.append(c);
                    }
                }
                default -> {
                    if (out.length() > 1 && at < out.length()) {
                        out.deleteCharAt(at);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String randomEvr(Random random) {
        String epoch = random.nextInt(3) == 0 ? random.nextInt(3) + ":" : "";
        return epoch + alnumStart(random, randomVersion(random, "0123456789abz.~^", true)) + "-"
                + alnumStart(random, randomVersion(random, "0123456789abz.", true));
    }

    private static String mutateEvr(Random random, String evr) {
        Evr parsed = Evr.parse(evr);
        return switch (random.nextInt(3)) {
            case 0 -> (parsed.epoch() + random.nextInt(2)) + ":" + parsed.version() + "-" + parsed.release();
            case 1 -> parsed.epoch() + ":" + alnumStart(random, mutate(random, parsed.version(), "0123456789az.~^"))
                    + "-" + parsed.release();
            default -> evr.replaceFirst("-.*", "-" + alnumStart(random, mutate(random, parsed.release(), "0123456789az.")));
        };
    }

    private static String alnumStart(Random random, String value) {
        String cleaned = value.replace("-", "").replace(":", "");
        return cleaned.isEmpty() || !Character.isLetterOrDigit(cleaned.charAt(0))
                ? random.nextInt(10) + cleaned : cleaned;
    }

    private static String randomDebian(Random random) {
        String epoch = random.nextInt(4) == 0 ? random.nextInt(3) + ":" : "";
        String revision = random.nextBoolean() ? "-" + alnumStart(random, randomVersion(random, "0123456789ab.+~", true)) : "";
        return epoch + digitStart(random, randomVersion(random, DEB_ALPHABET, true)) + revision;
    }

    private static String mutateDebian(Random random, String value) {
        DebianVersion parsed = DebianVersion.parse(value);
        String upstream = random.nextBoolean() ? digitStart(random, mutate(random, parsed.upstream(), DEB_ALPHABET))
                : parsed.upstream();
        String revision = random.nextBoolean() && !parsed.revision().isEmpty()
                ? alnumStart(random, mutate(random, parsed.revision(), "0123456789ab.+~")) : parsed.revision();
        long epoch = random.nextInt(5) == 0 ? parsed.epoch() + 1 : parsed.epoch();
        return (epoch > 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }

    private static String digitStart(Random random, String value) {
        return value.isEmpty() || !Character.isDigit(value.charAt(0)) ? random.nextInt(10) + value : value;
    }
}
