package org.virtregress.install;

import java.util.List;

/**
 * A package the installer tests build, for rpm and for Debian alike: it installs one file,
 * {@code /usr/share/NAME/content}, holding {@code content}.
 */
record TestPackage(String name, int epoch, String version, String release, String content, boolean failingScript) {
    static TestPackage of(String name, String version, String content) {
        return new TestPackage(name, 0, version, "1", content, false);
    }

    /** The packages of the main repository. */
    static List<TestPackage> main() {
        return List.of(of("vrbase", "1.0", "base"), of("vrtest", "1.0", "one"), of("vrtest", "2.0", "two"),
                new TestPackage("vrtest", 0, "3.0", "1", "three", true), of("vrepoch", "5.0", "five"),
                new TestPackage("vrepoch", 1, "1.0", "1", "epoch one", false));
    }

    /** The packages of the rebuild repository: vrtest 2.0-1 again, with other content. */
    static List<TestPackage> rebuild() {
        return List.of(of("vrbase", "1.0", "base"), of("vrtest", "2.0", "two rebuilt"));
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
