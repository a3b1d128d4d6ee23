#!/usr/bin/env bash
# Times `virt-regress demo` (the whole loop: publish, poll, install, guest boots, build and commit
# bisection with confirmation, report) against its budget of 3 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
budget=180
start=$(date +%s.%N)
"$here/virt-regress" demo --workdir "$work/demo" > "$work/demo.log" 2>&1 || { tail -20 "$work/demo.log"; exit 1; }
end=$(date +%s.%N)
wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
grep -E "culprit:" "$work/demo.log" | tail -1
awk -v w="$wall" -v b="$budget" -v l="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "demo wall time: %.1f s, budget %d s, ratio wall/budget %.2f, load average %s\n", w, b, w / b, l }'
