#!/usr/bin/env bash
# virt-regress bisect against git bisect run, side by side, on generated histories:
#   (a) a linear history of LINEAR_N commits (default 10000)
#   (b) a merge-heavy history with MERGE_BRANCHES side branches merged back (default 700, ~4,500 commits)
# Both run the same test, bench/predicate.sh: bad when CULPRIT is an ancestor of HEAD
# (git merge-base --is-ancestor), for CULPRITS culprits spread over each history (default 5).
# Prints probes, rounds, wall time, test time, overhead (wall minus test) and the ratios; then accuracy under flakiness (TRIALS seeded in-process trials, a bad commit passes 10%).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/cli/target/virt-regress.jar"
LINEAR_N="${LINEAR_N:-10000}"
MERGE_BRANCHES="${MERGE_BRANCHES:-700}"
TRIALS="${TRIALS:-200}"
CULPRITS="${CULPRITS:-5}"

if [ ! -f "$jar" ]; then
  echo "building $jar" >&2
  (cd "$root" && if command -v mvn >/dev/null; then mvn -B -q -DskipTests -pl engine,cli -am package; \
    else ./mvnw -B -q -DskipTests -pl engine,cli -am package; fi) >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

now() { date +%s%N; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }
test_ns() { awk '{ s += $2 - $1 } END { printf "%d", s }' "$1"; }

make_repo() { # name kind args...
  local dir="$work/$1"; shift
  git init -q "$dir"
  python3 "$here/gen-history.py" "$@" | git -C "$dir" fast-import --quiet
  git -C "$dir" checkout -q main
}

row() { # label tool probes runs rounds wall_ns test_ns correct
  printf '%-12s %-30s %7s %6s %7s %8s %8s %9s  %s\n' "$1" "$2" "$3" "$4" "$5" "$(secs "$6")" "$(secs "$7")" \
    "$(secs $(( $6 - $7 )))" "$8"
}

run_git() { # repo good bad culprit -> sets P R W T OK
  local clone="$work/git-clone" times="$work/git-times"
  rm -rf "$clone"; : > "$times"
  git clone -q "$1" "$clone"
  local start end out found
  start=$(now)
  git -C "$clone" bisect start "$3" "$2" >/dev/null
  out="$(git -C "$clone" bisect run sh "$here/predicate.sh" "$4" "$times" 2>&1)" || true
  end=$(now)
  found="$(printf '%s\n' "$out" | sed -n 's/^\([0-9a-f]\{40\}\) is the first bad commit.*/\1/p' | head -1)"
  P=$(wc -l < "$times") R=$(wc -l < "$times") RUNS=$(wc -l < "$times") W=$((end - start)) T=$(test_ns "$times")
  OK=$([ "$found" = "$4" ] && echo 1 || echo 0)
}

run_ours() { # repo good bad culprit k confirm -> sets P R RUNS W T OK N
  local report="$work/report" times="$work/ours-times"
  rm -rf "$report"; : > "$times"
  local start end found
  start=$(now)
  java -jar "$jar" bisect --repo "$1" --good "$2" --bad "$3" --probes "$5" --confirm "$6" --report "$report" \
    -- sh "$here/predicate.sh" "$4" "$times" > "$work/ours.out" 2>&1 || true
  end=$(now)
  read -r found P R N < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
print((r.get("culprit") or {}).get("id", "-"), r["bisectionProbes"], r["rounds"], r["candidates"])' "$report/bisect.json")
  RUNS=$(wc -l < "$times") W=$((end - start)) T=$(test_ns "$times")
  OK=$([ "$found" = "$4" ] && echo 1 || echo 0)
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "-"; else printf "%.2f", a / b }'; }

series() { # label tool-label repo good culprits... ; TOOL=git|ours K CONFIRM
  local label="$1" name="$2" repo="$3" good="$4"; shift 4
  local sp=0 sr=0 sruns=0 sw=0 st=0 sok=0 maxr=0 n=0
  for culprit in "$@"; do
    if [ "$TOOL" = git ]; then run_git "$repo" "$good" main "$culprit"; else run_ours "$repo" "$good" main "$culprit" "$K" "$CONFIRM"; fi
    sp=$((sp + P)); sr=$((sr + R)); sruns=$((sruns + RUNS)); sw=$((sw + W)); st=$((st + T)); sok=$((sok + OK)); n=$((n + 1))
    [ "$R" -gt "$maxr" ] && maxr=$R
  done
  SP=$sp SW=$sw ST=$st MAXR=$maxr
  row "$label" "$name" "$sp" "$sruns" "$sr" "$sw" "$st" "$sok/$n"
}

compare() { # label repo good culprits...
  local label="$1" repo="$2" good="$3"; shift 3
  TOOL=git series "$label" "git bisect run" "$repo" "$good" "$@"
  local gp=$SP gw=$SW gt=$ST
  TOOL=ours K=1 CONFIRM=0 series "$label" "virt-regress k=1 confirm 0" "$repo" "$good" "$@"
  echo "    ratio ours/git (k=1, confirm 0): probes $(ratio "$SP" "$gp"), wall $(ratio "$SW" "$gw"),"\
       "overhead $(ratio $((SW - ST)) $((gw - gt)))  (ours also tests the bad end first: +1 run per bisection)"
  TOOL=ours K=1 CONFIRM=3 series "$label" "virt-regress k=1 confirm 3" "$repo" "$good" "$@"
  TOOL=ours K=3 CONFIRM=0 series "$label" "virt-regress k=3 confirm 0" "$repo" "$good" "$@"
  local bound
  bound=$(python3 -c "import math,sys; n=int(sys.argv[1]); print(math.ceil(math.log(n)/math.log(4)-1e-9)+1)" "$N")
  echo "    k=3: at most $MAXR rounds for $N candidates; goal <= ceil(log4 N)+1 = $bound:"\
       "$([ "$MAXR" -le "$bound" ] && echo met || echo MISSED)"
}

echo "generating histories (git fast-import) ..."
make_repo linear linear "$LINEAR_N"
make_repo merges merges "$MERGE_BRANCHES" 5
echo "linear: $(git -C "$work/linear" rev-list --count main) commits;" \
     "merge-heavy: $(git -C "$work/merges" rev-list --count main) commits, $(git -C "$work/merges" rev-list --count --merges main) merges"
echo
printf '%-12s %-30s %7s %6s %7s %8s %8s %9s  %s\n' history "tool (sums over $CULPRITS culprits)" probes runs rounds \
  "wall s" "test s" "overhead" correct

lin_good="$(git -C "$work/linear" rev-list --max-parents=0 main)"
lin_culprits=()
for i in $(seq 1 "$CULPRITS"); do
  lin_culprits+=("$(git -C "$work/linear" rev-parse "main~$(( LINEAR_N * (2 * i - 1) / (2 * CULPRITS) + 7 ))")")
done
compare "linear" "$work/linear" "$lin_good" "${lin_culprits[@]}"

mrg_good="$(git -C "$work/merges" rev-list --max-parents=0 main)"
mrg_count="$(git -C "$work/merges" rev-list --count main)"
mrg_culprits=()
for i in $(seq 1 "$CULPRITS"); do
  mrg_culprits+=("$(git -C "$work/merges" rev-list main | sed -n "$(( mrg_count * (2 * i - 1) / (2 * CULPRITS) + 3 ))p")")
done
compare "merge-heavy" "$work/merges" "$mrg_good" "${mrg_culprits[@]}"

start=$(now); java -jar "$jar" --version > /dev/null; end=$(now)
echo "fixed cost in every virt-regress run: JVM start $(secs $((end - start))) s (java -jar virt-regress.jar --version);"\
     "each run also opens the repository with JGit and creates its worktree(s) once"
echo
java -cp "$jar" "$here/BisectAccuracy.java" "$TRIALS" 10000 0.1 3 3 1
