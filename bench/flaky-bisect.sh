#!/usr/bin/env bash
# Intermittent failures, side by side: git bisect's midpoint rule, today's --repeat N --confirm 3
# (N = 1, 3, 5) and the flaky-aware search (--flaky), on generated chains of 1,000 and 10,000
# commits, with a seeded test that fails on a bad commit with probability q in {0.2, 0.5, 0.8, 1}
# and on a good one with probability f in {0, 0.02}; TRIALS trials per row (default 200); QS and FS
# (comma-separated) run a subset of the rows.
# Every strategy runs in-process (bench/FlakyBisectBench.java) through the engine's own classes
# with a simulated probe; the sizes run in parallel, one JVM each. Prints one markdown table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/cli/target/virt-regress.jar"
TRIALS="${TRIALS:-200}"
SIZES="${SIZES:-1000 10000}"
SEED="${SEED:-1}"
QS="${QS:-0.2,0.5,0.8,1}"
FS="${FS:-0,0.02}"
classpath="${VIRT_REGRESS_CLASSPATH:-$jar}"

if [ -z "${VIRT_REGRESS_CLASSPATH:-}" ] && [ ! -f "$jar" ]; then
  echo "building $jar" >&2
  (cd "$root" && ./mvnw -B -q -DskipTests -pl engine,cli -am package) >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
for n in $SIZES; do
  java -cp "$classpath" "$here/FlakyBisectBench.java" "$TRIALS" "$n" "$SEED" "$QS" "$FS" > "$work/$n.md" &
done
wait
first=1
for n in $SIZES; do
  if [ $first = 1 ]; then cat "$work/$n.md"; first=0; else tail -n +3 "$work/$n.md"; fi
done | grep -v '^[0-9]* trials per row'
echo "$TRIALS trials per row, seed $SEED, $(( $(date +%s) - start )) s"
