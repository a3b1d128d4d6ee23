package org.virtregress.install;

import java.util.List;

/**
 * A package the installer tests build, for rpm and for Debian alike: it installs one file,
 * {@code /usr/share/NAME/content}, holding {@code content}.
 */
record TestPackage(String name, int epoch, String version, String release, String content, Script script) {
    /** What the post-install script does. */
    enum Script { NONE, FAILS, HANGS }

    static TestPackage of(String name, String version, String content) {
        return new TestPackage(name, 0, version, "1", content, Script.NONE);
    }

    /** The packages of the main repository. */
    static List<TestPackage> main() {
        return List.of(of("vrbase", "1.0", "base"), of("vrtest", "1.0", "one"), of("vrtest", "2.0", "two"),
                new TestPackage("vrtest", 0, "3.0", "1", "three", Script.FAILS), of("vrepoch", "5.0", "five"),
                new TestPackage("vrepoch", 1, "1.0", "1", "epoch one", Script.NONE));
    }

    /** The packages of the rebuild repository: vrtest 2.0-1 again, with other content. */
    static List<TestPackage> rebuild() {
        return List.of(of("vrbase", "1.0", "base"), of("vrtest", "2.0", "two rebuilt"));
    }

    /** The packages of the hang repository (rpm only): vrhang, whose post-install scriptlet sleeps two minutes. */
    static List<TestPackage> hanging() {
        return List.of(new TestPackage("vrhang", 0, "1.0", "1", "hang", Script.HANGS));
    }

    /** Returns {@code [EPOCH:]VERSION-RELEASE}. */
    String evr() {
        return (epoch > 0 ? epoch + ":" : "") + version + "-" + release;
    }

    /** Returns a file-name-safe identity. */
    String id() {
        return name + "-" + epoch + "-" + version + "-" + release;
    }
}
