#!/usr/bin/env bash
# Compares `virt-regress poll` with `dnf repoquery --latest-limit=1` on a generated rpm-md
# repository of 100,000 packages (primary.xml in gzip and in zstd), served over HTTP on 127.0.0.1.
# For each: wall time, peak RSS, bytes fetched from the server, and the ratio; then the no-change
# poll, which must fetch nothing but a 304 for repomd.xml. The JVM heap is capped at 64 MB.
#
# usage: bench/poll-vs-dnf.sh [PACKAGE_COUNT]    (from the repository root or anywhere)
set -euo pipefail

count="${1:-100000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/cli/target/virt-regress.jar"
names=(qemu-kvm libvirt-daemon xen-libs)
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q time >/dev/null; else sudo apt-get install -y -q time >/dev/null; fi
fi
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -DskipTests package)
fi

echo "Generating repositories of $count packages in $work ..."
python3 "$root/bench/generate-rpm-md.py" "$work/site/gzip" "$count" gzip
python3 "$root/bench/generate-rpm-md.py" "$work/site/zstd" "$count" zstd

touch "$work/access.log"
python3 "$root/bench/serve.py" "$work/site" "$work/access.log" "$work/port" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port="$(cat "$work/port")"

calc() { awk "BEGIN {printf \"%.4f\", $1}"; }

# runs a command under /usr/bin/time; prints "wall_seconds max_rss_kb bytes_fetched requests statuses"
measure() {
  local log_before
  log_before=$(wc -l < "$work/access.log" 2>/dev/null || echo 0)
  /usr/bin/time -v -o "$work/time.txt" "$@" > "$work/out.txt" 2> "$work/err.txt" || {
    echo "command failed: $*" >&2; cat "$work/err.txt" >&2; exit 1; }
  local wall rss bytes requests statuses
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  bytes=$(tail -n +"$((log_before + 1))" "$work/access.log" | awk '{b+=$3} END {print b+0}')
  requests=$(tail -n +"$((log_before + 1))" "$work/access.log" | wc -l)
  statuses=$(tail -n +"$((log_before + 1))" "$work/access.log" | awk '{print $2}' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  echo "$wall $rss $bytes $requests $statuses"
}

printf '\n%-6s %-22s %9s %12s %14s %9s  %s\n' variant run wall_s peak_rss_MB bytes_fetched requests statuses
for variant in gzip zstd; do
  url="http://127.0.0.1:$port/$variant/"
  ours_cmd=(java -Xmx64m -XX:+UseSerialGC -jar "$jar" poll --repo "$url"
    --package "${names[0]}" --package "${names[1]}" --package "${names[2]}" --state "$work/state-$variant.json" --json)
  dnf_cmd=(dnf -q repoquery --setopt=reposdir=/nonexistent --setopt=cachedir="$work/dnf-cache-$variant"
    --repofrompath=bench,"$url" --repo=bench --setopt=bench.gpgcheck=0
    --latest-limit=1 --qf '%{name}-%{epoch}:%{version}-%{release}' "${names[@]}")
  measure "${ours_cmd[@]}" > "$work/m.txt"
  read -r o_wall o_rss o_bytes o_req o_status < "$work/m.txt"
  o_found=$(python3 -c 'import json,sys; print(" ".join(sorted(c["build"]["name"]+"-"+c["build"]["evr"] for c in json.load(open(sys.argv[1])))))' "$work/out.txt")
  measure "${dnf_cmd[@]}" > "$work/m.txt"
  read -r d_wall d_rss d_bytes d_req d_status < "$work/m.txt"
  d_found=$(sed 's/-0:/-/' "$work/out.txt" | sort | tr '\n' ' ')
  measure "${ours_cmd[@]}" > "$work/m.txt"
  read -r n_wall n_rss n_bytes n_req n_status < "$work/m.txt"
  printf '%-6s %-22s %9.2f %12.1f %14d %9d  %s\n' "$variant" "virt-regress poll" "$o_wall" "$(calc "$o_rss/1024")" "$o_bytes" "$o_req" "$o_status"
  printf '%-6s %-22s %9.2f %12.1f %14d %9d  %s\n' "$variant" "dnf repoquery" "$d_wall" "$(calc "$d_rss/1024")" "$d_bytes" "$d_req" "$d_status"
  printf '%-6s %-22s %9.2f %12.1f %14d %9d  %s\n' "$variant" "virt-regress no-change" "$n_wall" "$(calc "$n_rss/1024")" "$n_bytes" "$n_req" "$n_status"
  printf '%-6s ratio dnf/virt-regress: wall %.2fx, peak RSS %.2fx, bytes %.2fx\n' "$variant" \
    "$(calc "$d_wall/$o_wall")" "$(calc "$d_rss/$o_rss")" "$(calc "$d_bytes/$o_bytes")"
  echo "       found by virt-regress: $o_found"
  echo "       found by dnf:          $d_found"
done
echo
echo "JVM heap capped with -Xmx64m; the no-change poll must show 1 request, 304."
