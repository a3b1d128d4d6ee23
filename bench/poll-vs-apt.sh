#!/usr/bin/env bash
# Compares `virt-regress poll` with `apt-get update` on the machine's own Debian index: the largest
# /var/lib/apt/lists/*_binary-amd64_Packages.lz4 (bookworm main/amd64 on a Debian 12 host) and its
# suite's signed InRelease, served over HTTP on 127.0.0.1 by bench/serve.py, which counts requests
# and bytes. Two served suites:
#   xz      the index recompressed with `xz -6` (one block, as the archive publishes it) under a
#           Release re-made by apt-ftparchive (Acquire-By-Hash: yes, by-hash directories);
#           read unsigned by both ([trusted=yes] for apt);
#   signed  the archive's own signed InRelease and the plain index, whose SHA256 it lists; checked
#           against /usr/share/keyrings/debian-archive-keyring.gpg by both (--keyring, signed-by).
# Each round runs apt-get update (private APT_CONFIG, amd64 only, no translations, empty lists) and
# a first (changed) poll through ./virt-regress, the launcher users run, in turn; then an unchanged
# poll of each (apt keeps its lists and asks with If-Modified-Since); for xz, a re-made Release
# listing the same index (a new Date only). Prints wall, peak RSS, bytes, requests, the packages found and the ratio of medians.
#
# usage: bench/poll-vs-apt.sh [ROUNDS]    (default 3; needs apt-get, apt-ftparchive, lz4, xz, python3)
set -euo pipefail

rounds="${1:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
lists=/var/lib/apt/lists
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

index="$(ls -S "$lists"/*_binary-amd64_Packages.lz4 2>/dev/null | head -1 || true)"
if [ -z "$index" ]; then
  echo "no $lists/*_binary-amd64_Packages.lz4: run apt-get update first" >&2
  exit 2
fi
prefix="${index%_main_binary-amd64_Packages.lz4}"
inrelease="${prefix}_InRelease"
[ -f "$inrelease" ] || { echo "no $inrelease beside $index" >&2; exit 2; }
suite="$(awk -F': ' '$1 == "Codename" {print $2; exit}' "$inrelease")"
echo "Index: $index ($(stat -c %s "$index") bytes lz4), suite $suite"

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q time >/dev/null; else sudo apt-get install -y -q time >/dev/null; fi
fi

# The two suites.
site="$work/site"
binary=main/binary-amd64
mkdir -p "$site/xz/dists/$suite/$binary" "$site/signed/dists/$suite/$binary"
lz4 -dc "$index" > "$site/signed/dists/$suite/$binary/Packages"
plain_sha="$(sha256sum "$site/signed/dists/$suite/$binary/Packages" | cut -d' ' -f1)"
grep -q "$plain_sha" "$inrelease" || { echo "the decompressed index is not the one $inrelease lists" >&2; exit 2; }
cp "$inrelease" "$site/signed/dists/$suite/InRelease"
mkdir -p "$site/signed/dists/$suite/$binary/by-hash/SHA256"
ln "$site/signed/dists/$suite/$binary/Packages" "$site/signed/dists/$suite/$binary/by-hash/SHA256/$plain_sha"
echo "Compressing with xz -6 (single-threaded, about 30 s) ..."
xz -6 -T1 -c "$site/signed/dists/$suite/$binary/Packages" > "$site/xz/dists/$suite/$binary/Packages.xz"
remake_release() {
  cp "$site/signed/dists/$suite/$binary/Packages" "$site/xz/dists/$suite/$binary/Packages"
  (cd "$site/xz/dists/$suite" && apt-ftparchive -o APT::FTPArchive::DoByHash=true \
    -o APT::FTPArchive::Release::Suite="$suite" -o APT::FTPArchive::Release::Codename="$suite" \
    -o APT::FTPArchive::Release::Architectures=amd64 -o APT::FTPArchive::Release::Components=main \
    release . > "$work/Release" && mv "$work/Release" Release)
  # the plain index stays listed (as in the archive) but is not served: both clients choose xz
  rm "$site/xz/dists/$suite/$binary/Packages"
  find "$site/xz/dists/$suite/$binary/by-hash" -type f -size +20M -delete
}
remake_release

touch "$work/access.log"
python3 "$root/bench/serve.py" "$site" "$work/access.log" "$work/port" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"

# apt's private configuration: everything under $work/apt, amd64 only, no translations.
apt_dir="$work/apt"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/empty"
touch "$apt_dir/status"
cat > "$apt_dir/apt.conf" <<EOF
Dir::State "$apt_dir";
Dir::State::Lists "$apt_dir/lists";
Dir::State::status "$apt_dir/status";
Dir::Cache "$apt_dir/cache";
Dir::Log "$apt_dir";
Dir::Etc::SourceList "$apt_dir/sources.list";
Dir::Etc::SourceParts "$apt_dir/empty";
Dir::Etc::Parts "$apt_dir/empty";
Dir::Etc::Preferences "$apt_dir/empty/preferences";
Dir::Etc::PreferencesParts "$apt_dir/empty";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
Acquire::Languages "none";
APT::Sandbox::User "root";
Debug::NoLocking "true";
EOF

calc() { awk "BEGIN {printf \"%.4f\", $1}"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# runs a command under /usr/bin/time; prints "wall_s max_rss_kb cpu_s bytes requests statuses"
measure() {
  local before
  before=$(wc -l < "$work/access.log")
  /usr/bin/time -o "$work/time.txt" -f "%e %M %U %S" "$@" > "$work/out.txt" 2> "$work/err.txt" || {
    echo "command failed: $*" >&2; cat "$work/err.txt" >&2; exit 1; }
  local wall rss user sys bytes requests statuses
  read -r wall rss user sys < <(tail -1 "$work/time.txt")
  bytes=$(tail -n +"$((before + 1))" "$work/access.log" | awk '{b+=$3} END {print b+0}')
  requests=$(tail -n +"$((before + 1))" "$work/access.log" | wc -l)
  statuses=$(tail -n +"$((before + 1))" "$work/access.log" | awk '{print $2}' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  echo "$wall $rss $(calc "$user + $sys") $bytes $requests $statuses"
}

row() { printf '%-7s %-28s %8.2f %8.2f %12.1f %12d %9d  %s\n' "$@"; }

printf '\n%-7s %-28s %8s %8s %12s %12s %9s  %s\n' suite run wall_s cpu_s peak_rss_MB bytes requests statuses
for variant in xz signed; do
  url="http://127.0.0.1:$port/$variant"
  if [ "$variant" = signed ]; then
    echo "deb [signed-by=$keyring] $url $suite main" > "$apt_dir/sources.list"
    check=(--keyring "$keyring")
  else
    echo "deb [trusted=yes] $url $suite main" > "$apt_dir/sources.list"
    check=()
  fi
  ours=("$root/virt-regress" poll --repo "$url $suite main" --arch amd64,all --package 'qemu-system-*'
    --package 'libvirt-daemon*' --state "$work/state.json" --json "${check[@]}")
  rm -f "$work/state.json"
  measure "${ours[@]}" > /dev/null   # first run: builds the jar when missing, writes the CDS archive
  : > "$work/walls-apt"; : > "$work/walls-ours"
  for round in $(seq "$rounds"); do
    rm -rf "$apt_dir/lists" "$apt_dir/cache"; mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
    APT_CONFIG="$apt_dir/apt.conf" measure apt-get -q update > "$work/m.txt"
    read -r a_wall a_rss a_cpu a_bytes a_req a_status < "$work/m.txt"
    grep -q '^[WE]:' "$work/out.txt" "$work/err.txt" && { echo "apt-get update complained:" >&2; cat "$work/out.txt" "$work/err.txt" >&2; exit 1; }
    rm -f "$work/state.json"
    measure "${ours[@]}" > "$work/m.txt"
    read -r o_wall o_rss o_cpu o_bytes o_req o_status < "$work/m.txt"
    found=$(python3 -c 'import json,sys; print(" ".join(sorted(c["build"]["name"]+"="+c["build"]["evr"] for c in json.load(open(sys.argv[1])))))' "$work/out.txt")
    row "$variant" "apt-get update ($round)" "$a_wall" "$a_cpu" "$(calc "$a_rss/1024")" "$a_bytes" "$a_req" "$a_status"
    row "$variant" "virt-regress poll ($round)" "$o_wall" "$o_cpu" "$(calc "$o_rss/1024")" "$o_bytes" "$o_req" "$o_status"
    echo "$a_wall" >> "$work/walls-apt"; echo "$o_wall" >> "$work/walls-ours"
  done
  measure "${ours[@]}" > "$work/m.txt"
  read -r n_wall n_rss n_cpu n_bytes n_req n_status < "$work/m.txt"
  APT_CONFIG="$apt_dir/apt.conf" measure apt-get -q update > "$work/m.txt"
  read -r u_wall u_rss u_cpu u_bytes u_req u_status < "$work/m.txt"
  row "$variant" "apt-get update unchanged" "$u_wall" "$u_cpu" "$(calc "$u_rss/1024")" "$u_bytes" "$u_req" "$u_status"
  row "$variant" "virt-regress unchanged" "$n_wall" "$n_cpu" "$(calc "$n_rss/1024")" "$n_bytes" "$n_req" "$n_status"
  if [ "$variant" = xz ]; then
    # republished with the same index: a new Release (its Date), the same Packages checksums
    sleep 1
    remake_release
    APT_CONFIG="$apt_dir/apt.conf" measure apt-get -q update > "$work/m.txt"
    read -r r_wall r_rss r_cpu r_bytes r_req r_status < "$work/m.txt"
    measure "${ours[@]}" > "$work/m.txt"
    read -r s_wall s_rss s_cpu s_bytes s_req s_status < "$work/m.txt"
    row "$variant" "apt-get update new Release" "$r_wall" "$r_cpu" "$(calc "$r_rss/1024")" "$r_bytes" "$r_req" "$r_status"
    row "$variant" "virt-regress new Release" "$s_wall" "$s_cpu" "$(calc "$s_rss/1024")" "$s_bytes" "$s_req" "$s_status"
  fi
  apt_median=$(median < "$work/walls-apt"); ours_median=$(median < "$work/walls-ours")
  printf '%-7s median wall: apt-get update %.2f s, virt-regress poll %.2f s; ratio apt/virt-regress %.2fx\n' \
    "$variant" "$apt_median" "$ours_median" "$(calc "$apt_median/$ours_median")"
  # what apt found, for the same packages: the candidate versions from its fresh lists
  apt_found=$(APT_CONFIG="$apt_dir/apt.conf" apt-cache show 'qemu-system-*' 'libvirt-daemon*' 2>/dev/null \
    | awk '$1=="Package:"{p=$2} $1=="Version:"{print p"="$2}' | sort -u | tr '\n' ' ')
  if [ "$(echo "$found" | tr ' ' '\n' | sort)" = "$(echo "$apt_found" | tr ' ' '\n' | grep . | sort)" ]; then
    echo "        same packages found by both: $(echo "$found" | wc -w)"
  else
    echo "        DIFFERENT packages: virt-regress: $found"
    echo "                            apt:          $apt_found"
  fi
done
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); JVM options of ./virt-regress poll: -Xmx64m C1 serial GC, AppCDS (AOT cache when the JDK is 25+), JDK: ${VIRT_REGRESS_JAVA:-java on the PATH}"
