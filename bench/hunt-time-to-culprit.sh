#!/usr/bin/env bash
# Time to culprit of the regression hunt on the demo's history (5 archived builds, 32 upstream
# commits, one planted regression), with K probes at once: `virt-regress demo` runs the same hunt
# engine as `virt-regress hunt`, each probe a dnf install into its own root and a TCG guest boot.
# Time to culprit = from the hunt's first line ("hunting between ...") to the confirmed culprit
# commit, read from the demo's own time stamps. Usage: bench/hunt-time-to-culprit.sh [K...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ks=("$@")
[ ${#ks[@]} -gt 0 ] || ks=(1 3)
declare -A seconds
for k in "${ks[@]}"; do
  log="$work/demo-$k.log"
  "$here/virt-regress" demo --probes "$k" --workdir "$work/demo-$k" > "$log" 2>&1 || { tail -20 "$log"; exit 1; }
  start=$(grep -m1 '\] hunting between' "$log" | sed -E 's/^\[ *([0-9.]+)s\].*/\1/')
  end=$(grep -m1 '\] culprit: .*commit' "$log" | sed -E 's/^\[ *([0-9.]+)s\].*/\1/')
  probes=$(grep -cE '\] \[(reproduce|builds|commits)' "$log")
  seconds[$k]=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
  grep -m1 '\] culprit: .*commit' "$log" | sed -E 's/^\[ *[0-9.]+s\] //'
  echo "probes $k: time to culprit ${seconds[$k]} s, $probes probe lines, load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
if [ -n "${seconds[1]:-}" ]; then
  for k in "${ks[@]}"; do
    [ "$k" = 1 ] && continue
    awk -v a="${seconds[1]}" -v b="${seconds[$k]}" -v k="$k" \
      'BEGIN { printf "ratio time(--probes 1) / time(--probes %s): %.2f\n", k, a / b }'
  done
fi
