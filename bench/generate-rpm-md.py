#!/usr/bin/env python3
"""Writes an rpm-md repository with N packages: primary.xml (gzip or zstd) and repomd.xml.

Packages are generated, not built: the benchmark measures metadata reading, and no client
downloads a package. Three watched names (qemu-kvm, libvirt-daemon, xen-libs) appear in several
versions spread through the file, so the reader must scan all of it to find the newest.

usage: generate-rpm-md.py DIR COUNT gzip|zstd
"""
import hashlib
import os
import subprocess
import sys
import time

WATCHED = ["qemu-kvm", "libvirt-daemon", "xen-libs"]


def package(name, epoch, ver, rel, index):
    pkgid = hashlib.sha256(f"{name}-{epoch}:{ver}-{rel}-{index}".encode()).hexdigest()
    requires = "".join(
        f'<rpm:entry name="lib{name}-dep{k}.so.{k}()(64bit)"/>' for k in range(6))
    return (
        '<package type="rpm">'
        f"<name>{name}</name><arch>x86_64</arch>"
        f'<version epoch="{epoch}" ver="{ver}" rel="{rel}"/>'
        f'<checksum type="sha256" pkgid="YES">{pkgid}</checksum>'
        f"<summary>Generated package {name} for the poll benchmark</summary>"
        f"<description>Package {name}, version {ver}, generated to measure how fast repository metadata "
        "is read. It stands for a typical binary package with a short description.</description>"
        "<packager>bench</packager><url>https://example.org/</url>"
        f'<time file="1727800000" build="{1727800000 + index}"/>'
        f'<size package="{100000 + index}" installed="{300000 + index}" archive="{301000 + index}"/>'
        f'<location href="Packages/{name}-{ver}-{rel}.x86_64.rpm"/>'
        "<format><rpm:license>MIT</rpm:license><rpm:vendor>bench</rpm:vendor><rpm:group>Unspecified</rpm:group>"
        f"<rpm:buildhost>bench.example.org</rpm:buildhost><rpm:sourcerpm>{name}-{ver}-{rel}.src.rpm</rpm:sourcerpm>"
        '<rpm:header-range start="4504" end="19000"/>'
        f'<rpm:provides><rpm:entry name="{name}" flags="EQ" epoch="{epoch}" ver="{ver}" rel="{rel}"/>'
        f'<rpm:entry name="{name}(x86-64)" flags="EQ" epoch="{epoch}" ver="{ver}" rel="{rel}"/></rpm:provides>'
        f"<rpm:requires>{requires}</rpm:requires>"
        f"<file>/usr/bin/{name}</file></format></package>\n"
    )


def main():
    target, count, compression = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    repodata = os.path.join(target, "repodata")
    os.makedirs(repodata, exist_ok=True)
    plain = os.path.join(repodata, "primary.xml")
    watched_at = {count * k // 7: k for k in range(1, 7)}
    with open(plain, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<metadata xmlns="http://linux.duke.edu/metadata/common" '
                  f'xmlns:rpm="http://linux.duke.edu/metadata/rpm" packages="{count}">\n')
        written = 0
        for i in range(count - 3 * 6):
            if i in watched_at:
                k = watched_at[i]
                for name in WATCHED:
                    out.write(package(name, 2 if k == 6 and name == "qemu-kvm" else 0, f"9.{k}.0", "1", i))
                    written += 1
            out.write(package(f"pkg{i:06d}", 0, f"1.{i % 97}", f"{i % 5 + 1}", i))
            written += 1
        out.write("</metadata>\n")
    open_size = os.path.getsize(plain)
    with open(plain, "rb") as f:
        open_sum = hashlib.sha256(f.read()).hexdigest()
    if compression == "gzip":
        subprocess.run(["gzip", "-6", "-f", plain], check=True)
        packed = plain + ".gz"
    elif compression == "zstd":
        subprocess.run(["zstd", "-q", "-f", "--rm", "-10", plain], check=True)
        packed = plain + ".zst"
    else:
        raise SystemExit("compression must be gzip or zstd")
    with open(packed, "rb") as f:
        packed_sum = hashlib.sha256(f.read()).hexdigest()
    named = os.path.join(repodata, f"{packed_sum}-{os.path.basename(packed)}")
    os.rename(packed, named)
    now = int(time.time())
    with open(os.path.join(repodata, "repomd.xml"), "w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<repomd xmlns="http://linux.duke.edu/metadata/repo" '
                  f'xmlns:rpm="http://linux.duke.edu/metadata/rpm">\n<revision>{now}</revision>\n'
                  f'<data type="primary"><checksum type="sha256">{packed_sum}</checksum>'
                  f'<open-checksum type="sha256">{open_sum}</open-checksum>'
                  f'<location href="repodata/{os.path.basename(named)}"/><timestamp>{now}</timestamp>'
                  f"<size>{os.path.getsize(named)}</size><open-size>{open_size}</open-size></data>\n</repomd>\n")
    print(f"{target}: {written} packages, primary {open_size} bytes, {compression} {os.path.getsize(named)} bytes")


if __name__ == "__main__":
    main()
